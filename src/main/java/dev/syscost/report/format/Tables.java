package dev.syscost.report.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parts of a result tree that a view does not chart into tables: scalar fields into a
 * two-column "figures" table, arrays of objects into one table each (nested arrays recursively), so
 * nothing a command wrote is hidden from the report, whatever its shape.
 */
public final class Tables {
    /** Top-level fields every result has and the page shows elsewhere. */
    private static final Set<String> HEADER_FIELDS = Set.of("schema", "env", "warnings", "tool");

    private Tables() {}

    /** Adds tables for every field of {@code result} except {@code skip} and the header fields. */
    public static void addAll(JsonNode result, Section section, Set<String> skip) {
        List<List<String>> scalars = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : result.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (HEADER_FIELDS.contains(key) || skip.contains(key)) {
                continue;
            }
            if (v.isValueNode()) {
                scalars.add(List.of(key, v.asText()));
            } else if (isObjectArray(v)) {
                addArray(key, v, section, 0);
            } else if (v.isObject()) {
                addObject(key, v, section, 0);
            } else {
                scalars.add(List.of(key, v.toString()));
            }
        }
        if (!scalars.isEmpty()) {
            section.table("Figures", List.of("field", "value"), scalars);
        }
    }

    private static void addObject(String title, JsonNode obj, Section section, int depth) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            JsonNode v = e.getValue();
            if (isObjectArray(v) && depth < 2) {
                addArray(title + "." + e.getKey(), v, section, depth + 1);
            } else if (v.isObject() && depth < 2) {
                addObject(title + "." + e.getKey(), v, section, depth + 1);
            } else {
                rows.add(List.of(e.getKey(), v.isValueNode() ? v.asText() : v.toString()));
            }
        }
        if (!rows.isEmpty()) {
            section.table(title, List.of("field", "value"), rows);
        }
    }

    /** One table for an array of objects: a column per scalar key; nested arrays become their own tables. */
    static void addArray(String title, JsonNode array, Section section, int depth) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode row : array) {
            for (Map.Entry<String, JsonNode> e : row.properties()) {
                if (!isObjectArray(e.getValue()) || depth >= 2) {
                    columns.add(e.getKey());
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : array) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                JsonNode v = row.path(c);
                cells.add(cell(row, c));
            }
            rows.add(cells);
        }
        section.table(title, new ArrayList<>(columns), rows);
        if (depth < 2) {
            for (JsonNode row : array) {
                String name = text(row, "name").isEmpty() ? text(row, "id") : text(row, "name");
                for (Map.Entry<String, JsonNode> e : row.properties()) {
                    if (isObjectArray(e.getValue())) {
                        addArray(title + (name.isEmpty() ? "" : " " + name) + "." + e.getKey(), e.getValue(), section, depth + 1);
                    }
                }
            }
        }
    }

    /** A cell's text: numbers sized, estimates as "median (ciLow–ciHigh)", other values as JSON. */
    private static String cell(JsonNode row, String column) {
        JsonNode v = row.path(column);
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return Figures.number(v.asDouble());
        }
        double[] e = estimate(row, column);
        if (e != null) {
            return Figures.number(e[0]) + " (" + Figures.interval(e[1], e[2]) + ")";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** Whether {@code v} is a non-empty array whose elements are all objects. */
    public static boolean isObjectArray(JsonNode v) {
        if (!v.isArray() || v.isEmpty()) {
            return false;
        }
        for (JsonNode x : v) {
            if (!x.isObject()) {
                return false;
            }
        }
        return true;
    }

    /** The text at {@code field}, or "" when absent. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    /**
     * A figure that is either a number or an estimate object {@code {median, ciLow, ciHigh, …}}:
     * {value, low, high}, or null when {@code field} is neither.
     */
    private static double[] estimate(JsonNode node, String field) {
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
}
