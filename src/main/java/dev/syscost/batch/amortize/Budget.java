package dev.syscost.batch.amortize;

/**
 * How long each point is measured: {@code trials} timed trials of about {@code trialNs} each, after
 * a calibration that also serves as warm-up. Many short trials rather than a few long ones: on a
 * shared machine a long trial is nearly always cut by a preemption, while most short ones escape it,
 * so the median of short trials is the cost of the call and not of the neighbours.
 */
record Budget(int trials, long trialNs) {
    static final Budget DEFAULT = new Budget(61, 1_000_000L);
    static final Budget QUICK = new Budget(15, 400_000L);
}
