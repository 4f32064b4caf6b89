package dev.syscost.batch.amortize;

/**
 * How long each point is measured: {@code trials} timed trials of about {@code trialNs} each, after
 * a calibration that also serves as warm-up.
 */
record Budget(int trials, long trialNs) {
    static final Budget DEFAULT = new Budget(9, 6_000_000L);
    static final Budget QUICK = new Budget(5, 1_200_000L);
}
