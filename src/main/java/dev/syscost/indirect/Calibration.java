package dev.syscost.indirect;

import dev.syscost.sys.SyscallCounter;

/**
 * Calibrates the spin control: measures a disturber's direct cost (back to back, warm) and finds the
 * number of spin iterations whose measured length, in the same tight loop, matches it.
 */
final class Calibration {
    /** Calibration stops once the spin is within this fraction of the direct cost. */
    static final double TOLERANCE = 0.03;
    private static final double SAMPLE_NS = 300_000;

    private final Schedule schedule;
    private final Intervals robust = new Intervals();
    private final long[] chunks = new long[16384];

    Calibration(Schedule schedule) {
        this.schedule = schedule;
    }

    /** Median ns per call of {@code mode} alone over about 1 ms. */
    double directNs(int mode, int spinIterations) {
        schedule.direct(mode, Rounds.CALLS_PER_CHUNK, 8, spinIterations, chunks);
        double first = robust.median(chunks, 8) / Rounds.CALLS_PER_CHUNK;
        int n = Math.min(chunks.length, 4 * chunksFor(first));
        schedule.direct(mode, Rounds.CALLS_PER_CHUNK, n, spinIterations, chunks);
        return robust.median(chunks, n) / Rounds.CALLS_PER_CHUNK;
    }

    /** Chunks of {@link Rounds#CALLS_PER_CHUNK} calls for one direct-cost sample of about 0.3 ms. */
    static int chunksFor(double nsPerCall) {
        return (int) Math.max(8, Math.min(4096, SAMPLE_NS / Math.max(nsPerCall, 1) / Rounds.CALLS_PER_CHUNK));
    }

    /**
     * Spin iterations whose measured length is within {@link #TOLERANCE} of {@code targetNs}: a proportional
     * correction, repeated a few times because the loop's fixed overhead makes the relation affine.
     */
    int spinIterationsFor(double targetNs) {
        double perIteration = directNs(Schedule.MODE_SPIN, 4096) / 4096;
        int iterations = (int) Math.max(1, Math.round(targetNs / perIteration));
        for (int attempt = 0; attempt < 6; attempt++) {
            double measured = directNs(Schedule.MODE_SPIN, iterations);
            if (Math.abs(measured / targetNs - 1) <= TOLERANCE) {
                break;
            }
            iterations = (int) Math.max(1, Math.round(iterations * targetNs / measured));
        }
        return iterations;
    }

    /**
     * Kernel entries per interval of a run in {@code mode} (counted with the raw_syscalls tracepoint): 1 for
     * a syscall disturber, 0 for the spin and the baseline — proof that the clock reads and the spin stay in
     * user mode. Null where the tracepoint cannot be opened.
     */
    Double kernelEntriesPerInterval(ChaseTable table, int mode, int spinIterations) {
        long[] scratch = new long[512];
        try (SyscallCounter counter = SyscallCounter.forCurrentThread()) {
            long before = counter.read();
            int n = schedule.run(Workload.CHASE, table, scratch.length, 1, mode, spinIterations, scratch);
            long entries = counter.read() - before - 1; // the second read is itself one entry
            return entries / (double) n;
        } catch (RuntimeException e) { // tracefs missing, not permitted, or no raw_syscalls: report null
            return null;
        }
    }
}
