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
    /**
     * Shorter, not different: the default's trial length and warm-up, fewer trials (and fewer points, in
     * {@code AmortizeConfig}). Trials of 0.3 ms after 8 ms of warm-up read the 64 B pipe write at 3.5–5 µs
     * against the default's 0.76 µs.
     */
    static final Budget QUICK = new Budget(15, DEFAULT.trialNs(), DEFAULT.warmupNs());

    Budget(int trials, long trialNs) {
        this(trials, trialNs, 10 * trialNs);
    }
}
