package dev.syscost.report.format;

import java.util.Locale;

/** Formats figures for text and HTML, locale-independently: numbers with sensible precision, units, ratios, intervals. */
public final class Figures {
    private Figures() {}

    /** A number with precision that suits its size: 0.42, 8.31, 85.2, 1234. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        String pattern = a == 0 ? "%.0f" : a < 10 ? "%.2f" : a < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, v);
    }

    /** A size or count: "64", "1048576"; falls back to {@link #number} when not whole. */
    public static String whole(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : number(v);
    }

    /** A number with its unit: "85.2 ns". */
    public static String withUnit(double v, String unit) {
        return Double.isFinite(v) ? number(v) + " " + unit : "–";
    }

    /** An interval: "84.1–87.0". */
    public static String interval(double lo, double hi) {
        return Double.isFinite(lo) && Double.isFinite(hi) ? number(lo) + "–" + number(hi) : "–";
    }

    /** A ratio: "1.12×". */
    public static String ratio(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f×", r) : "–";
    }

    /** A fraction as a percentage: "12.5%". */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", fraction * 100) : "–";
    }

    /** Text safe for a terminal: control characters (escape sequences, carriage returns) become '?'. */
    public static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
