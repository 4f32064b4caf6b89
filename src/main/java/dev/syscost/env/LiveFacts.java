package dev.syscost.env;

import dev.syscost.sys.Errno;
import dev.syscost.sys.Libc;
import dev.syscost.sys.NativeException;
import dev.syscost.sys.PerfEventAttr;
import dev.syscost.sys.PerfEvents;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * What detection learns from the running process rather than from files: the JVM and whether a
 * hardware counter opens. Kept apart so fixture machines can supply their own.
 */
public record LiveFacts(Jdk jdk, HardwareCounter hardwareCounter) {

    /** Probes this process: the running JVM and a real perf_event_open of a hardware counter. */
    public static LiveFacts probe() {
        return new LiveFacts(Jdk.current(), probeHardwareCounter());
    }

    /**
     * Opens (and at once closes) PERF_COUNT_HW_INSTRUCTIONS on the calling thread, any CPU, disabled,
     * hypervisor excluded. When counting the kernel too is refused, tries user space only, so the
     * report can say how far the counters go here.
     */
    static HardwareCounter probeHardwareCounter() {
        try {
            open(PerfEventAttr.DISABLED | PerfEventAttr.EXCLUDE_HV);
            return HardwareCounter.available();
        } catch (NativeException e) {
            if (e.errno() == Errno.EACCES || e.errno() == Errno.EPERM) {
                try {
                    open(PerfEventAttr.DISABLED | PerfEventAttr.EXCLUDE_HV | PerfEventAttr.EXCLUDE_KERNEL);
                    return HardwareCounter.userSpaceOnly("counting kernel instructions needs"
                            + " `sysctl kernel.perf_event_paranoid=1`, CAP_PERFMON or root");
                } catch (NativeException userOnly) {
                    return refused(userOnly);
                }
            }
            return refused(e);
        } catch (RuntimeException | LinkageError e) {
            return HardwareCounter.refused("", "perf_event_open could not be called: " + e, "");
        }
    }

    private static void open(long flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = PerfEventAttr.of(arena, PerfEventAttr.PERF_TYPE_HARDWARE,
                    PerfEventAttr.PERF_COUNT_HW_INSTRUCTIONS, flags);
            Libc.close(PerfEvents.open(attr, 0, -1, -1));
        }
    }

    private static HardwareCounter refused(NativeException e) {
        String fix = e.hint() == null || e.hint().isEmpty() ? PerfEvents.hintFor(e.errno()) : e.hint();
        return HardwareCounter.refused(Errno.name(e.errno()), reasonFor(e.errno()), fix);
    }

    private static String reasonFor(int errno) {
        return switch (errno) {
            case Errno.ENOENT, Errno.EOPNOTSUPP -> "no hardware PMU is exposed to this kernel";
            case Errno.EACCES, Errno.EPERM -> "perf events are not permitted to this process";
            default -> "perf_event_open failed";
        };
    }
}
