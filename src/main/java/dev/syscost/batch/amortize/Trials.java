package dev.syscost.batch.amortize;

import dev.syscost.SyscostException;
import dev.syscost.bench.Stats;

/**
 * Times a workload: calibrates the repetitions so one trial lasts about the budget's trial time
 * (the calibration runs double as JIT warm-up), runs one more untimed warm-up trial, then the timed
 * trials, and summarises nanoseconds per repetition with {@link Stats#summarize} (median, p10/p90).
 */
final class Trials {
    /** One point's timing: per-repetition nanoseconds across trials, and the repetitions in each trial. */
    record Timing(Stats.Summary nsPerRep, long repsPerTrial) {}

    /** Accumulates every result so no loop is dead code to the JIT. */
    private static long sink;

    private Trials() {}

    static Timing measure(Workload w, Budget budget, String what) {
        long warmupStart = System.nanoTime();
        long reps = calibrate(w, budget.trialNs(), what);
        do {
            runChecked(w, reps, what); // warm-up at the final repetition count
        } while (System.nanoTime() - warmupStart < budget.warmupNs());
        double[] samples = new double[budget.trials()];
        for (int t = 0; t < samples.length; t++) {
            w.beforeTrial();
            long start = System.nanoTime();
            long moved = w.run(reps);
            long elapsed = System.nanoTime() - start;
            check(moved, what);
            samples[t] = (double) elapsed / reps;
        }
        return new Timing(Stats.summarize(samples), reps);
    }

    /**
     * Finds the repetitions for a trial of about {@code trialNs}: re-times after every rescale until a run
     * lands within a factor of two of the target. Scaling from one timing alone is not enough: the first
     * runs are slow (interpreted, handles being linked), and trusting them would leave each trial a
     * handful of calls long, timing the clock and the loop set-up instead of the call.
     */
    private static long calibrate(Workload w, long trialNs, String what) {
        long max = Math.max(1, w.maxReps());
        long reps = 1;
        runChecked(w, reps, what); // the very first call links handles and initialises classes: not timed
        long elapsed = runChecked(w, reps, what);
        int slowSingles = 0;
        for (int round = 0; round < 24; round++) {
            boolean inRange = elapsed >= trialNs / 2 && elapsed <= 2 * trialNs;
            if (inRange || (reps >= max && elapsed < trialNs / 2)) {
                return reps;
            }
            double perRep = Math.max(1.0, (double) elapsed / reps);
            long next = Math.clamp((long) (trialNs / perRep), 1L, Math.min(max, reps * 16)); // grow at most 16×
            if (next == reps && ++slowSingles >= 3) {
                return reps; // a single repetition takes longer than a trial, and not just once
            }
            reps = next;
            elapsed = runChecked(w, reps, what);
        }
        return reps;
    }

    private static long runChecked(Workload w, long reps, String what) {
        w.beforeTrial();
        long start = System.nanoTime();
        long moved = w.run(reps);
        long elapsed = System.nanoTime() - start;
        check(moved, what);
        return elapsed;
    }

    private static void check(long moved, String what) {
        if (moved < 0) {
            throw new SyscostException(what + ": a call failed during the measurement");
        }
        sink += moved;
    }

    /** The running total of everything moved: read by the caller so the sum stays live. */
    static long sink() {
        return sink;
    }
}
