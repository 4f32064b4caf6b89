package dev.syscost.env;

/**
 * Whether a hardware performance counter (instructions retired, on the calling thread) opens here;
 * when refused, the errno, why, and what would enable it.
 */
public record HardwareCounter(boolean opened, String errno, String reason, String fix) {
    static HardwareCounter available() {
        return new HardwareCounter(true, "", "PERF_COUNT_HW_INSTRUCTIONS opened on this thread", "");
    }

    static HardwareCounter userSpaceOnly(String fix) {
        return new HardwareCounter(true, "", "PERF_COUNT_HW_INSTRUCTIONS opened for user space only", fix);
    }

    static HardwareCounter refused(String errno, String reason, String fix) {
        return new HardwareCounter(false, errno, reason, fix);
    }
}
