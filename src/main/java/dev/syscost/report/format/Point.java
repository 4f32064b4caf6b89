package dev.syscost.report.format;

/**
 * One comparable figure of a result: a probe's median, an amortisation point, a percentile. {@code low}
 * and {@code high} bound the run's own spread (p10–p90 where the result has it, else its 95% interval),
 * which is what {@code compare} checks a difference against.
 *
 * @param id                what the figure is, the same in both results ("getppid", "batch=64")
 * @param unit              "ns", "ns/byte", "calls", … ({@link #isTime()} picks the words faster/slower)
 * @param value             the figure (NaN when unavailable)
 * @param low               the lower end of its spread
 * @param high              the upper end of its spread
 * @param unavailableReason why there is no figure, or null
 * @param forkSpread        the range of the figure across the run's fresh JVMs (forks), NaN when the run
 *                          had one JVM or does not record it: the between-run variation
 */
public record Point(String id, String unit, double value, double low, double high, String unavailableReason,
                    double forkSpread) {
    /** An available figure with its spread. */
    public static Point of(String id, String unit, double value, double low, double high) {
        return new Point(id, unit, value, Math.min(low, value), Math.max(high, value), null, Double.NaN);
    }

    /** A figure the run could not measure, with the reason. */
    public static Point unavailable(String id, String unit, String reason) {
        return new Point(id, unit, Double.NaN, Double.NaN, Double.NaN, reason == null ? "unavailable" : reason, Double.NaN);
    }

    /** This figure with its between-fork spread ({@code null} or negative: not recorded). */
    public Point withForkSpread(Double spread) {
        return new Point(id, unit, value, low, high, unavailableReason,
                spread == null || !(spread >= 0) ? Double.NaN : spread);
    }

    /** Whether the run recorded how much this figure varied between its JVMs. */
    public boolean hasForkSpread() {
        return Double.isFinite(forkSpread);
    }

    /** Whether the run has this figure. */
    public boolean available() {
        return unavailableReason == null && Double.isFinite(value);
    }

    /** Whether the figure is a duration (so lower reads as "faster"). */
    public boolean isTime() {
        return unit.startsWith("ns") || unit.startsWith("us") || unit.startsWith("ms");
    }
}
