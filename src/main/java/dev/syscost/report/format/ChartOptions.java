package dev.syscost.report.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds ECharts option objects as JSON trees, so every chart is plain data in the page (no code from a
 * result reaches the page's script). Animation is off: the report is a document, and a chart that is
 * drawn at once can be checked (and screenshotted) at once. Tooltips use ECharts' rich-text mode, which
 * never interprets a series or category name as HTML.
 */
public final class ChartOptions {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A named series of y values, one per category (null where there is none). */
    public record Series(String name, List<Double> values) {}

    /** A named series of (x, y) points. */
    public record XySeries(String name, List<double[]> points) {}

    private ChartOptions() {}

    /** Horizontal bars on a logarithmic value axis, one bar group per category (the ladder). */
    public static ObjectNode horizontalLogBars(List<String> categories, List<Series> series, String axisName) {
        ObjectNode o = base(series.size() > 1);
        o.set("yAxis", categoryAxis(categories, false).put("inverse", true));
        o.set("xAxis", valueAxis(axisName, true).put("nameLocation", "middle").put("nameGap", 26));
        ArrayNode s = o.putArray("series");
        for (Series one : series) {
            s.addObject().put("type", "bar").put("name", one.name()).set("data", values(one.values(), true));
        }
        return o;
    }

    /** Vertical bars, grouped per category, on a linear or logarithmic axis. */
    public static ObjectNode groupedBars(List<String> categories, List<Series> series, String axisName, boolean log) {
        ObjectNode o = base(series.size() > 1);
        o.set("xAxis", categoryAxis(categories, true));
        o.set("yAxis", valueAxis(axisName, log));
        ArrayNode s = o.putArray("series");
        for (Series one : series) {
            s.addObject().put("type", "bar").put("name", one.name()).set("data", values(one.values(), log));
        }
        return o;
    }

    /** Vertical bars stacked per category: the parts of a whole (the decomposition). */
    public static ObjectNode stackedBars(List<String> categories, List<Series> parts, String axisName) {
        ObjectNode o = base(true);
        o.set("xAxis", categoryAxis(categories, true));
        o.set("yAxis", valueAxis(axisName, false));
        ArrayNode s = o.putArray("series");
        for (Series one : parts) {
            s.addObject().put("type", "bar").put("stack", "total").put("name", one.name())
                    .set("data", values(one.values(), false));
        }
        return o;
    }

    /** Lines over a logarithmic x axis (batch size, working set), y linear or logarithmic. */
    public static ObjectNode logXLines(List<XySeries> series, String xName, String yName, boolean logY) {
        ObjectNode o = base(series.size() > 1);
        o.set("xAxis", valueAxis(xName, true).put("nameLocation", "middle").put("nameGap", 28));
        o.set("yAxis", valueAxis(yName, logY));
        ArrayNode s = o.putArray("series");
        for (XySeries one : series) {
            ArrayNode data = NODES.arrayNode();
            for (double[] p : one.points()) {
                if (p[0] > 0 && Double.isFinite(p[1]) && (!logY || p[1] > 0)) {
                    data.addArray().add(p[0]).add(p[1]);
                }
            }
            s.addObject().put("type", "line").put("name", one.name()).put("showSymbol", true).set("data", data);
        }
        return o;
    }

    private static ObjectNode base(boolean legend) {
        ObjectNode o = NODES.objectNode();
        o.put("animation", false);
        o.putObject("tooltip").put("trigger", "axis").put("renderMode", "richText");
        o.putObject("grid").put("left", 12).put("right", 36).put("top", legend ? 40 : 16).put("bottom", 36)
                .put("containLabel", true);
        if (legend) {
            o.putObject("legend").put("top", 0).put("type", "scroll");
        }
        return o;
    }

    private static ObjectNode categoryAxis(List<String> categories, boolean horizontal) {
        ObjectNode a = NODES.objectNode().put("type", "category");
        ArrayNode data = a.putArray("data");
        categories.forEach(data::add);
        ObjectNode label = a.putObject("axisLabel").put("interval", 0);
        if (horizontal && categories.size() > 6) {
            // Many categories side by side: slant the labels so none overlaps its neighbour.
            label.put("rotate", 30);
        }
        return a;
    }

    private static ObjectNode valueAxis(String name, boolean log) {
        ObjectNode a = NODES.objectNode().put("type", log ? "log" : "value").put("name", name);
        if (log) {
            a.put("logBase", 10);
        }
        return a;
    }

    /** Values as JSON; null (a gap) where missing, and where a log axis cannot show it (≤ 0). */
    private static ArrayNode values(List<Double> values, boolean log) {
        ArrayNode data = NODES.arrayNode();
        for (Double v : values) {
            if (v == null || !Double.isFinite(v) || (log && v <= 0)) {
                data.addNull();
            } else {
                data.add(v);
            }
        }
        return data;
    }
}
