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
     * hypervisor excluded: the most permissive request, so a refusal means no hardware counters at all.
     */
    static HardwareCounter probeHardwareCounter() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = PerfEventAttr.of(arena, PerfEventAttr.PERF_TYPE_HARDWARE,
                    PerfEventAttr.PERF_COUNT_HW_INSTRUCTIONS, PerfEventAttr.DISABLED | PerfEventAttr.EXCLUDE_HV);
            int fd = PerfEvents.open(attr, 0, -1, -1);
            Libc.close(fd);
            return HardwareCounter.available();
        } catch (NativeException e) {
            String fix = e.hint() == null || e.hint().isEmpty() ? PerfEvents.hintFor(e.errno()) : e.hint();
            return HardwareCounter.refused(Errno.name(e.errno()), reasonFor(e.errno()), fix);
        } catch (RuntimeException | LinkageError e) {
            return HardwareCounter.refused("", "perf_event_open could not be called: " + e, "");
        }
    }

    private static String reasonFor(int errno) {
        return switch (errno) {
            case Errno.ENOENT, Errno.EOPNOTSUPP -> "no hardware PMU is exposed to this kernel";
            case Errno.EACCES, Errno.EPERM -> "perf events are not permitted to this process";
            default -> "perf_event_open failed";
        };
    }
}
