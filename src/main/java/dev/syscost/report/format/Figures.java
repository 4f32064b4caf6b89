package dev.syscost.report.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads figures out of result trees (tolerating missing fields) and formats them, locale-independently. */
public final class Figures {
    private Figures() {}

    /** The number at {@code field}, or null when absent or not a number. */
    public static Double num(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.asDouble() : null;
    }

    /** The number at {@code field}, or NaN. */
    public static double numOrNaN(JsonNode node, String field) {
        Double v = num(node, field);
        return v == null ? Double.NaN : v;
    }

    /** A two-element [lo, hi] array at {@code field}, or null. */
    public static double[] range(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isArray() && v.size() == 2 && v.get(0).isNumber() && v.get(1).isNumber()) {
            return new double[] {v.get(0).asDouble(), v.get(1).asDouble()};
        }
        return null;
    }

    /** The text at {@code field}, or "" when absent. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    /** The strings of an array field (non-strings as their JSON text). */
    public static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : node.path(field)) {
            out.add(v.isTextual() ? v.asText() : v.toString());
        }
        return out;
    }

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

    /** The first of {@code candidates} that is a number in {@code node}, or null. */
    public static String firstNumeric(JsonNode node, String... candidates) {
        for (String c : candidates) {
            if (node.path(c).isNumber()) {
                return c;
            }
        }
        return null;
    }

    /** A label for an element of a result array: its name, id, or "#i". */
    public static String label(JsonNode node, int index) {
        for (String f : new String[] {"name", "id", "target", "transport", "disturber"}) {
            if (node.path(f).isTextual()) {
                return node.path(f).asText();
            }
        }
        return "#" + (index + 1);
    }

    /** Text safe for a terminal: control characters (escape sequences, carriage returns) become '?'. */
    public static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    /**
     * A figure that is either a number or an estimate object {@code {median, ciLow, ciHigh, …}}:
     * {value, low, high}, or null when {@code field} is neither.
     */
    public static double[] estimate(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) {
            return new double[] {v.asDouble(), v.asDouble(), v.asDouble()};
        }
        if (v.isObject() && v.path("median").isNumber()) {
            double m = v.path("median").asDouble();
            return new double[] {m, v.path("ciLow").asDouble(m), v.path("ciHigh").asDouble(m)};
        }
        return null;
    }

    /** The first of {@code candidates} that is a number or an estimate object in {@code node}, or null. */
    public static String firstFigure(JsonNode node, String... candidates) {
        for (String c : candidates) {
            if (estimate(node, c) != null) {
                return c;
            }
        }
        return null;
    }
}
