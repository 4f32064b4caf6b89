package dev.syscost.bench;

import java.util.Arrays;

/**
 * Distribution-free summaries of trial results: median, p10/p90, and a confidence interval for the
 * median from order statistics (no normality assumed: per-trial timings are skewed by interrupts and
 * neighbours, so the mean and a t-interval would mislead).
 */
public final class Stats {
    private Stats() {}

    /** The summary of one set of samples, in the samples' unit. */
    public record Summary(double median, double p10, double p90, double ciLow, double ciHigh,
                          double ciCoverage, double min, double max, int n) {
        /** (p90 − p10) / median: the relative spread across trials. */
        public double relativeSpread() {
            return median == 0 ? 0 : (p90 - p10) / median;
        }
    }

    /** Summarises {@code samples}; needs at least one. */
    public static Summary summarize(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples to summarise");
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        int lowRank = medianCiLowRank(n);
        int highRank = n - lowRank + 1;
        double coverage = 1 - 2 * binomialCdf(lowRank - 1, n);
        return new Summary(percentile(s, 50), percentile(s, 10), percentile(s, 90),
                s[lowRank - 1], s[highRank - 1], coverage, s[0], s[n - 1], n);
    }

    /** The p-th percentile (0..100) of sorted data, linearly interpolated (Hyndman-Fan type 7). */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double h = (sorted.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The 1-based rank l of the lower bound of a ≥95% interval [x(l), x(n−l+1)] for the median: the
     * largest l with P(Bin(n, ½) ≤ l−1) ≤ 2.5%. Below 6 samples no such l exists and the interval is
     * [min, max] with less coverage, which {@link Summary#ciCoverage()} reports.
     */
    static int medianCiLowRank(int n) {
        int l = 1;
        while (l + 1 <= (n + 1) / 2 && binomialCdf(l, n) <= 0.025) {
            l++;
        }
        return l;
    }

    /** P(Bin(n, ½) ≤ k). */
    static double binomialCdf(int k, int n) {
        if (k < 0) {
            return 0;
        }
        double sum = 0;
        double term = Math.pow(0.5, n); // C(n,0) / 2^n
        for (int i = 0; i <= k && i <= n; i++) {
            sum += term;
            term = term * (n - i) / (i + 1);
        }
        return Math.min(1, sum);
    }
}
