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
        long reps = calibrate(w, budget.trialNs(), what);
        runChecked(w, reps, what); // warm-up at the final repetition count
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
     * Grows the repetitions fourfold until a run takes an eighth of a trial, then rescales to a full
     * trial and re-times, up to three times: the first runs are slow (interpreted, cold caches), and
     * scaling from them alone would leave the trials far too short.
     */
    private static long calibrate(Workload w, long trialNs, String what) {
        long reps = 1;
        long max = Math.max(1, w.maxReps());
        long elapsed;
        while (true) {
            elapsed = runChecked(w, reps, what);
            if (elapsed >= trialNs / 8 || reps >= max) {
                break;
            }
            reps = Math.min(max, reps * 4);
        }
        for (int round = 0; round < 3; round++) {
            long next = scale(reps, elapsed, trialNs, max);
            if (next <= reps * 5 / 4 && next >= reps * 3 / 4) {
                return next;
            }
            reps = next;
            elapsed = runChecked(w, reps, what);
        }
        return scale(reps, elapsed, trialNs, max);
    }

    private static long scale(long reps, long elapsed, long trialNs, long max) {
        double perRep = Math.max(1.0, (double) elapsed / reps);
        return Math.clamp((long) (trialNs / perRep), 1L, max);
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
