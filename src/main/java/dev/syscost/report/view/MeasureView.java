package dev.syscost.report.view;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Point;

import static dev.syscost.report.format.Figures.interval;
import static dev.syscost.report.format.Figures.num;
import static dev.syscost.report.format.Figures.numOrNaN;
import static dev.syscost.report.format.Figures.range;
import static dev.syscost.report.format.Figures.text;
import static dev.syscost.report.format.Figures.withUnit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code syscost.measure/1}: the cost ladder as a log-scale bar chart, the decomposition as stacked bars. */
public final class MeasureView implements ResultView {
    public static final String SCHEMA = "syscost.measure/1";

    @Override
    public String title() {
        return "Cost ladder (syscost measure)";
    }

    @Override
    public void render(JsonNode result, Section section) {
        JsonNode probes = result.path("probes");
        List<String> ids = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        for (JsonNode p : probes) {
            if (p.path("available").asBoolean(true) && num(p, "medianNs") != null) {
                ids.add(text(p, "id"));
                medians.add(num(p, "medianNs"));
            }
        }
        section.note("Median time per call of each rung, in nanoseconds on a logarithmic axis: each rung adds "
                + "one more layer of the boundary (a Java call, an FFM downcall, the vDSO, a bare kernel entry, real work).");
        section.chart("measure-ladder", "Cost ladder: median ns per call (log scale)",
                ChartOptions.horizontalLogBars(ids, List.of(new ChartOptions.Series("median ns", medians)), "ns per call"));
        section.table("Probes", List.of("probe", "median", "p10–p90 ns", "95% CI ns", "kernel entries/call",
                "spread", "trials × calls", "what it does / why unavailable"), probeRows(probes));
        renderDecomposition(result.path("decomposition"), result.path("probes"), section);
        Tables.addAll(result, section, java.util.Set.of("probes", "decomposition"));
    }

    private static List<List<String>> probeRows(JsonNode probes) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode p : probes) {
            boolean available = p.path("available").asBoolean(true);
            double[] ci = range(p, "ci95Ns");
            rows.add(List.of(text(p, "id"),
                    available ? withUnit(numOrNaN(p, "medianNs"), "ns") : "unavailable",
                    interval(numOrNaN(p, "p10Ns"), numOrNaN(p, "p90Ns")),
                    ci == null ? "–" : interval(ci[0], ci[1]),
                    entries(p),
                    available ? Figures.percent(numOrNaN(p, "relativeSpread")) : "–",
                    text(p, "trials") + " × " + text(p, "callsPerTrial"),
                    available ? text(p, "description") : text(p, "unavailableReason")));
        }
        return rows;
    }

    private static String entries(JsonNode p) {
        String declared = text(p, "kernelEntriesPerCall");
        JsonNode measured = p.path("kernelEntriesMeasured");
        if (measured.isNumber()) {
            return declared + " (measured " + Figures.number(measured.asDouble()) + ")";
        }
        return declared.isEmpty() ? "–" : declared;
    }

    /** Stacks per call: k × (FFM overhead + entry/exit floor) for a probe of k kernel entries, then its own work. */
    private static void renderDecomposition(JsonNode d, JsonNode probes, Section section) {
        if (!d.isObject()) {
            return;
        }
        Map<String, Integer> entriesById = new java.util.HashMap<>();
        for (JsonNode p : probes) {
            entriesById.put(text(p, "id"), p.path("kernelEntriesPerCall").asInt(1));
        }
        JsonNode work = d.path("perSyscallWorkNs");
        List<String> syscalls = new ArrayList<>();
        List<Double> ffm = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Double> own = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : work.properties()) {
            syscalls.add(e.getKey());
            int k = entriesById.getOrDefault(e.getKey(), 1);
            Double ffmNs = num(d, "ffmOverheadNs");
            Double floorNs = num(d, "entryExitFloorNs");
            ffm.add(ffmNs == null ? null : k * ffmNs);
            floor.add(floorNs == null ? null : k * floorNs);
            own.add(e.getValue().isNumber() ? e.getValue().asDouble() : null);
        }
        if (!syscalls.isEmpty()) {
            section.note("Where each syscall's time goes: the FFM downcall overhead, the kernel entry/exit floor "
                    + "(an invalid syscall number), each once per kernel entry (twice for open_close and "
                    + "pipe_write_read_1b), and the syscall's own work (the rest).");
            section.chart("measure-decomposition", "Decomposition: ns per call, stacked",
                    ChartOptions.stackedBars(syscalls, List.of(
                            new ChartOptions.Series("FFM downcall overhead", ffm),
                            new ChartOptions.Series("kernel entry/exit floor", floor),
                            new ChartOptions.Series("the syscall's own work", own)), "ns per call"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode t : d.path("terms")) {
            double[] ci = range(t, "ci95Ns");
            String resolved = t.path("resolved").isBoolean() ? (t.path("resolved").asBoolean() ? "yes"
                    : t.path("reason").isTextual() ? "no: " + t.path("reason").asText().replaceFirst("^not resolved: ", "")
                    : "no: the CI spans zero") : "";
            boolean impossible = t.path("physicallyNonNegative").asBoolean(false) && numOrNaN(t, "valueNs") < 0;
            rows.add(List.of(text(t, "name"), impossible ? "—" : withUnit(numOrNaN(t, "valueNs"), "ns"),
                    ci == null ? "–" : interval(ci[0], ci[1]), resolved, text(t, "formula"), text(t, "note")));
        }
        if (!rows.isEmpty()) {
            section.table("Decomposition terms", List.of("term", "value", "95% CI ns", "resolved", "formula", "note"), rows);
        }
    }

    @Override
    public List<Point> points(JsonNode result) {
        List<Point> points = new ArrayList<>();
        for (JsonNode p : result.path("probes")) {
            String id = text(p, "id");
            if (!p.path("available").asBoolean(true) || num(p, "medianNs") == null) {
                points.add(Point.unavailable(id, "ns", text(p, "unavailableReason")));
                continue;
            }
            double median = numOrNaN(p, "medianNs");
            double[] spread = spread(p, "p10Ns", "p90Ns", "ci95Ns", median);
            points.add(Point.of(id, "ns", median, spread[0], spread[1]).withForkSpread(num(p, "betweenForkSpreadNs")));
        }
        for (JsonNode t : result.path("decomposition").path("terms")) {
            double v = numOrNaN(t, "valueNs");
            double[] ci = range(t, "ci95Ns");
            String name = "term: " + text(t, "name");
            if (t.path("reason").asText("").startsWith("not resolved: measurement disturbed")) {
                points.add(Point.unavailable(name, "ns", t.path("reason").asText()));
                continue;
            }
            points.add((ci == null ? Point.of(name, "ns", v, v, v) : Point.of(name, "ns", v, ci[0], ci[1]))
                    .withForkSpread(num(t, "betweenForkSpreadNs")));
        }
        return points;
    }

    /** p10–p90 when the result has them (the run's spread across trials), else its 95% interval, else the point. */
    static double[] spread(JsonNode node, String lowField, String highField, String ciField, double value) {
        Double lo = num(node, lowField);
        Double hi = num(node, highField);
        if (lo != null && hi != null) {
            return new double[] {lo, hi};
        }
        double[] ci = range(node, ciField);
        return ci != null ? ci : new double[] {value, value};
    }
}
