package dev.syscost.batch.amortize;

/**
 * How long each point is measured: {@code trials} timed trials of about {@code trialNs} each, after
 * a calibration and at least {@code warmupNs} of untimed trials: long enough for C2 to compile the
 * loop and its downcall stub in the background, which a first point would otherwise pay for. Many short trials rather than a few long ones: on a
 * shared machine a long trial is nearly always cut by a preemption, while most short ones escape it,
 * so the median of short trials is the cost of the call and not of the neighbours.
 */
record Budget(int trials, long trialNs, long warmupNs) {
    static final Budget DEFAULT = new Budget(61, 1_000_000L, 15_000_000L);
    static final Budget QUICK = new Budget(15, 300_000L, 8_000_000L);

    Budget(int trials, long trialNs) {
        this(trials, trialNs, 10 * trialNs);
    }
}
