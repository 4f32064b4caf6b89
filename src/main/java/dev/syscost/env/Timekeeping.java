package dev.syscost.env;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether clock reads can stay in user space: the vDSO (AT_SYSINFO_EHDR in the auxiliary vector)
 * and whether the current clocksource has a vDSO read path. {@code vdsoClockGettime} is null when
 * it depends on the host (kvm-clock without a stable TSC, Xen) or the clocksource is unknown.
 */
public record Timekeeping(Boolean vdsoPresent, String vdsoAddress, String clocksource,
                          List<String> availableClocksources, Boolean vdsoClockGettime, String effect) {
    /** {@code AT_SYSINFO_EHDR}: the address of the vDSO's ELF header. */
    static final long AT_SYSINFO_EHDR = 33;

    private static final Set<String> VDSO_CAPABLE = Set.of("tsc", "kvm-clock", "hyperv_clocksource_tsc_page",
            "arch_sys_counter", "riscv_clocksource");
    private static final Set<String> SYSCALL_ONLY = Set.of("hpet", "acpi_pm", "jiffies", "refined-jiffies", "pit");

    static Timekeeping detect(SysRoot sys) {
        Long vdso = sys.bytes("proc/self/auxv").map(Timekeeping::auxvValue).orElse(null);
        if (vdso == null) {
            sys.note("vDSO", sys.whyUnreadable("proc/self/auxv"));
        }
        String dir = "sys/devices/system/clocksource/clocksource0/";
        String current = sys.lineOrNote(dir + "current_clocksource", "clocksource").orElse(Kernel.UNKNOWN);
        List<String> available = sys.line(dir + "available_clocksource")
                .map(s -> s.isBlank() ? List.<String>of() : List.of(s.trim().split("\\s+"))).orElse(List.of());
        Boolean vdsoPresent = vdso == null ? null : vdso != 0;
        Boolean capable = vdsoCapable(current);
        Boolean inVdso = Boolean.FALSE.equals(vdsoPresent) ? Boolean.FALSE : capable;
        String address = vdso == null || vdso == 0 ? "" : "0x" + Long.toHexString(vdso);
        return new Timekeeping(vdsoPresent, address, current, available, inVdso, effect(vdsoPresent, current, capable));
    }

    /**
     * The value of {@code AT_SYSINFO_EHDR} in a raw auxiliary vector (pairs of native 64-bit words,
     * ended by AT_NULL), 0 when absent, null when the bytes are not an auxv.
     */
    static Long auxvValue(byte[] auxv) {
        if (auxv.length == 0 || auxv.length % 16 != 0) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(auxv).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 16) {
            long type = b.getLong();
            long value = b.getLong();
            if (type == AT_SYSINFO_EHDR) {
                return value;
            }
            if (type == 0) {
                break;
            }
        }
        return 0L;
    }

    static Boolean vdsoCapable(String clocksource) {
        if (VDSO_CAPABLE.contains(clocksource)) {
            return clocksource.equals("kvm-clock") ? null : Boolean.TRUE;
        }
        return SYSCALL_ONLY.contains(clocksource) ? Boolean.FALSE : null;
    }

    private static String effect(Boolean vdso, String clocksource, Boolean capable) {
        if (Boolean.FALSE.equals(vdso)) {
            return "no vDSO mapped: every clock_gettime enters the kernel";
        }
        String prefix = vdso == null ? "vDSO unknown; " : "";
        return prefix + switch (clocksource) {
            case "kvm-clock" -> "kvm-clock: clock_gettime stays in the vDSO while the host marks the TSC stable"
                    + " (PVCLOCK_TSC_STABLE_BIT), otherwise it falls back to a syscall (the vdso_clock_gettime"
                    + " probe shows which)";
            case "xen" -> "xen: clock_gettime stays in the vDSO only with a stable pvclock page";
            case Kernel.UNKNOWN -> "clocksource unknown";
            default -> Boolean.TRUE.equals(capable) ? clocksource + ": clock_gettime is answered in the vDSO"
                    : Boolean.FALSE.equals(capable) ? clocksource + " has no vDSO read path: every clock_gettime"
                            + " enters the kernel"
                    : clocksource.toLowerCase(Locale.ROOT) + ": vDSO support not known to syscost";
        };
    }
}
