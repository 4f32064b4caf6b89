package dev.syscost.report.view;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Point;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds (x, y) curves in a result tree: either arrays of series objects that each hold an array of
 * points ({@code targets[].points[]}), or flat arrays of points grouped by a label field
 * ({@code cells[]} with a {@code disturber}). The x and y fields are given as candidates in order of
 * preference, so one view copes with small changes of a command's shape.
 */
public final class Curves {
    private Curves() {}

    /** The curves in {@code result} with x from the first of {@code xFields} and y from the first of {@code yFields}. */
    public static List<ChartOptions.XySeries> find(JsonNode result, String[] xFields, String[] yFields, String... groupFields) {
        return find(result, null, xFields, yFields, groupFields);
    }

    /** As {@link #find(JsonNode, String[], String[], String...)}, only in the top-level array {@code arrayField} (null: all). */
    public static List<ChartOptions.XySeries> find(JsonNode result, String arrayField, String[] xFields, String[] yFields,
                                                   String... groupFields) {
        Map<String, List<double[]>> byName = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : result.properties()) {
            JsonNode array = field.getValue();
            if (!Tables.isObjectArray(array) || (arrayField != null && !arrayField.equals(field.getKey()))) {
                continue;
            }
            int i = 0;
            for (JsonNode element : array) {
                String name = Figures.label(element, i++);
                addPoint(byName, group(element, null, groupFields), element, xFields, yFields);
                for (Map.Entry<String, JsonNode> child : element.properties()) {
                    if (Tables.isObjectArray(child.getValue())) {
                        for (JsonNode p : child.getValue()) {
                            addPoint(byName, group(p, name, groupFields), p, xFields, yFields);
                        }
                    }
                }
            }
        }
        List<ChartOptions.XySeries> out = new ArrayList<>();
        byName.forEach((name, points) -> {
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            out.add(new ChartOptions.XySeries(name, points));
        });
        return out;
    }

    /** The series a point belongs to: its group fields ("disturber=getppid, k=16"), after its parent's name if any. */
    private static String group(JsonNode point, String parent, String[] groupFields) {
        String fallback = parent != null ? parent : Figures.label(point, 0);
        StringBuilder sb = new StringBuilder();
        for (String g : groupFields) {
            JsonNode v = point.path(g);
            if (v.isValueNode() && !v.isNull()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(g).append('=').append(v.asText());
            }
        }
        return sb.isEmpty() ? fallback : parent == null ? sb.toString() : parent + " " + sb;
    }

    private static void addPoint(Map<String, List<double[]>> byName, String name, JsonNode p, String[] xFields, String[] yFields) {
        String x = Figures.firstNumeric(p, xFields);
        String y = Figures.firstFigure(p, yFields);
        if (x != null && y != null) {
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {p.path(x).asDouble(), Figures.estimate(p, y)[0]});
        }
    }

    /** Comparable points from the same curves: one per (series, x), spread from p10/p90 or a CI when present. */
    public static List<Point> points(JsonNode result, String[] xFields, String yField, String unit, String... groupFields) {
        List<Point> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : result.properties()) {
            if (!Tables.isObjectArray(field.getValue())) {
                continue;
            }
            int i = 0;
            for (JsonNode element : field.getValue()) {
                String name = Figures.label(element, i++);
                addComparable(out, group(element, null, groupFields), element, xFields, yField, unit);
                for (Map.Entry<String, JsonNode> child : element.properties()) {
                    if (Tables.isObjectArray(child.getValue())) {
                        for (JsonNode p : child.getValue()) {
                            addComparable(out, group(p, name, groupFields), p, xFields, yField, unit);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void addComparable(List<Point> out, String name, JsonNode p, String[] xFields, String yField, String unit) {
        String x = Figures.firstNumeric(p, xFields);
        if (x == null || Figures.estimate(p, yField) == null) {
            return;
        }
        double v = Figures.estimate(p, yField)[0];
        if (p.path(yField).isObject()) {
            double[] e = Figures.estimate(p, yField);
            out.add(Point.of(name + " " + x + "=" + Figures.whole(p.path(x).asDouble()), unit, v, e[1], e[2]));
            return;
        }
        if (p.path(yField + "P10").isNumber() && p.path(yField + "P90").isNumber()) {
            out.add(Point.of(name + " " + x + "=" + Figures.whole(p.path(x).asDouble()), unit, v,
                    p.path(yField + "P10").asDouble(), p.path(yField + "P90").asDouble()));
            return;
        }
        String stem = yField.endsWith("Ns") ? yField.substring(0, yField.length() - 2) : yField;
        double[] ci = Figures.range(p, stem + "Ci95Ns");
        if (ci == null) {
            ci = Figures.range(p, "ci95Ns");
        }
        String id = name + " " + x + "=" + Figures.whole(p.path(x).asDouble());
        out.add(ci == null ? Point.of(id, unit, v, v, v) : Point.of(id, unit, v, ci[0], ci[1]));
    }
}
