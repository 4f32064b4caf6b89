package dev.syscost.env;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hypervisor, sandbox and container between this process and the hardware, each with its evidence,
 * and the process's seccomp state (every attached filter runs on every syscall).
 */
public record Virtualisation(String hypervisor, Boolean hypervisorFlag, String dmiVendor, String dmiProduct,
                             String sandbox, Container container, Integer seccompMode, Integer seccompFilters,
                             List<String> evidence) {
    static final String NONE = "none";
    /** The fixed build string of gVisor's /proc/version (pkg/sentry/syscalls/linux/linux64.go). */
    static final String GVISOR_VERSION = "#1 SMP Sun Jan 10 15:06:54 PST 2016";

    static Virtualisation detect(SysRoot sys, Kernel kernel, CpuInfo cpu, ProcessStatus status) {
        List<String> evidence = new ArrayList<>();
        Boolean flag = cpu.flags().isEmpty() ? null : cpu.has("hypervisor");
        if (Boolean.TRUE.equals(flag)) {
            evidence.add("cpuinfo flag hypervisor");
        }
        String vendor = sys.line("sys/class/dmi/id/sys_vendor").orElse(Kernel.UNKNOWN);
        String product = sys.line("sys/class/dmi/id/product_name").orElse(Kernel.UNKNOWN);
        if (vendor.equals(Kernel.UNKNOWN) && product.equals(Kernel.UNKNOWN)) {
            sys.note("DMI", "no /sys/class/dmi/id (no SMBIOS tables: typical of Firecracker and gVisor)");
        }
        String sandbox = gvisor(kernel, cpu, evidence) ? "gVisor" : NONE;
        String hypervisor = HypervisorSignature.identify(sys, kernel, vendor, product, evidence);
        if (hypervisor.equals(NONE) && Boolean.TRUE.equals(flag)) {
            hypervisor = "unknown hypervisor";
        }
        Integer mode = status.seccompMode();
        if (mode == null) {
            sys.note("seccomp", "no Seccomp line in /proc/self/status");
        }
        return new Virtualisation(hypervisor, flag, vendor, product, sandbox, Container.detect(sys), mode,
                status.seccompFilters(), List.copyOf(evidence));
    }

    /** gVisor's documented signatures: its fixed /proc/version, its boot image name, its bare cpuinfo. */
    private static boolean gvisor(Kernel kernel, CpuInfo cpu, List<String> evidence) {
        boolean found = false;
        if (kernel.version().equals(GVISOR_VERSION)) {
            evidence.add("kernel version \"" + GVISOR_VERSION + "\" (gVisor's fixed uname)");
            found = true;
        }
        if (kernel.commandLine().contains("gvisor")) {
            evidence.add("command line names gvisor");
            found = true;
        }
        if (cpu.get("model name").equals(Kernel.UNKNOWN) && cpu.get("stepping").equals(Kernel.UNKNOWN)
                && cpu.processors() > 0) {
            evidence.add("cpuinfo model name and stepping \"unknown\" (gVisor's synthetic cpuinfo)");
            found = true;
        }
        return found;
    }

    /** Reads the 6-character OEM ID of an ACPI table header (bytes 10..15), or "". */
    static String acpiOemId(byte[] header) {
        return header.length < 16 ? "" : new String(header, 10, 6, StandardCharsets.US_ASCII).trim();
    }

    /** "Firecracker", "gVisor on KVM", "none", ... for a report header. */
    String describe() {
        String base = sandbox.equals(NONE) ? hypervisor : sandbox + (hypervisor.equals(NONE) ? "" : " on " + hypervisor);
        return base.equals(NONE) ? "bare metal" : base;
    }
}
