package dev.syscost.indirect;

import java.util.List;

/**
 * The hardware-counter view (FlexSC's method): user-only counters per unit of work, with and without
 * syscalls. {@code available=false} with the {@code reason} (and its fix) where the counters do not open.
 *
 * @param events the counters that opened, in group order
 * @param missing counters this CPU lacks (the others are still reported)
 */
public record PmuReport(boolean available, String reason, List<String> events, List<String> missing, List<PmuCell> cells) {
    /** The report where counters could not be opened. */
    public static PmuReport unavailable(String reason) {
        return new PmuReport(false, reason, List.of(), List.of(), List.of());
    }

    /**
     * Counters per unit of work for one cell; {@code extraPerSyscall} is (with − without) × K.
     */
    public record PmuCell(String workload, String disturber, long workingSetBytes, int k, PmuPerUnit withoutSyscalls,
                          PmuPerUnit withSyscalls, PmuPerUnit extraPerSyscall) {}

    /**
     * User-mode counts per unit of work (null where the CPU lacks the counter), IPC, and the multiplexing
     * scale applied (time enabled / time running; 1.0 when the group ran the whole time).
     */
    public record PmuPerUnit(Double cycles, Double instructions, Double ipc, Double l1dMisses, Double llcMisses,
                             Double dtlbMisses, Double branchMisses, double multiplexScale) {}
}
