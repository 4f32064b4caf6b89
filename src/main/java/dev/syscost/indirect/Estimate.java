package dev.syscost.indirect;

import dev.syscost.bench.Stats;

/**
 * A median over rounds with its distribution-free confidence interval (order statistics, coverage as
 * stated: at least 95% from 6 rounds on) and the p10–p90 spread. The unit is in the name of the field
 * that holds it.
 */
public record Estimate(double median, double ciLow, double ciHigh, double ciCoverage, double p10, double p90, int n) {
    /** Summarises per-round values. */
    public static Estimate of(double[] perRound) {
        Stats.Summary s = Stats.summarize(perRound);
        return new Estimate(s.median(), s.ciLow(), s.ciHigh(), s.ciCoverage(), s.p10(), s.p90(), s.n());
    }

    /** (p90 − p10) / |median|: the relative spread across rounds. */
    public double relativeSpread() {
        return median == 0 ? 0 : (p90 - p10) / Math.abs(median);
    }

    /** Whether the interval excludes zero: the sign of the effect is known. */
    public boolean excludesZero() {
        return ciLow > 0 || ciHigh < 0;
    }

    /** This estimate times a constant (for a change of unit). */
    public Estimate scaled(double factor) {
        double lo = ciLow * factor;
        double hi = ciHigh * factor;
        double a = p10 * factor;
        double b = p90 * factor;
        return new Estimate(median * factor, Math.min(lo, hi), Math.max(lo, hi), ciCoverage, Math.min(a, b), Math.max(a, b), n);
    }
}
