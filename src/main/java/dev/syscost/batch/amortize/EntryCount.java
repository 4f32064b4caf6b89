package dev.syscost.batch.amortize;

import dev.syscost.sys.NativeException;
import dev.syscost.sys.SyscallCounter;

/**
 * Kernel entries per repetition of a workload, counted exactly on the calling thread with the
 * {@code raw_syscalls:sys_enter} tracepoint ({@link SyscallCounter}). Counting runs are separate from
 * the timed trials, because an enabled tracepoint slows every syscall it counts.
 */
final class EntryCount implements AutoCloseable {
    private final SyscallCounter counter;
    private final String unavailableReason;
    private final long readCost;

    private EntryCount(SyscallCounter counter, String unavailableReason) {
        this.counter = counter;
        this.unavailableReason = unavailableReason;
        this.readCost = counter == null ? 0 : measureReadCost(counter);
    }

    /** A counter for the calling thread, or one that says why kernel entries are not counted. */
    static EntryCount open() {
        try {
            return new EntryCount(SyscallCounter.forCurrentThread(), null);
        } catch (NativeException e) {
            return new EntryCount(null, "not counted: " + e.getMessage());
        }
    }

    /** The entries two back-to-back reads of the counter see: subtracted from every count. */
    private static long measureReadCost(SyscallCounter c) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long a = c.read();
            long b = c.read();
            min = Math.min(min, b - a);
        }
        return min;
    }

    boolean available() {
        return counter != null;
    }

    /** "counted with ..." or "not counted: why". */
    String note() {
        return counter != null ? "kernel entries counted exactly on the writing thread (raw_syscalls:sys_enter)"
                : unavailableReason;
    }

    /** Kernel entries per repetition over {@code reps} repetitions, or null when not counted. */
    Double perRep(Workload w, long reps) {
        if (counter == null) {
            return null;
        }
        w.beforeTrial();
        long before = counter.read();
        long moved = w.run(reps);
        long after = counter.read();
        if (moved < 0) {
            return null;
        }
        return (double) Math.max(0, after - before - readCost) / reps;
    }

    @Override
    public void close() {
        if (counter != null) {
            counter.close();
        }
    }
}
