package dev.syscost.report.view;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Point;

import static dev.syscost.report.format.Figures.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code syscost.ipc/1}: round-trip latency percentiles per transport, on a log axis. */
public final class IpcView implements ResultView {
    public static final String SCHEMA = "syscost.ipc/1";
    private static final String[][] PERCENTILES = {{"p50", "p50Ns"}, {"p99", "p99Ns"}, {"p99.9", "p999Ns", "p99_9Ns"}};

    @Override
    public String title() {
        return "IPC latency (syscost ipc)";
    }

    @Override
    public void render(JsonNode result, Section section) {
        List<String> names = new ArrayList<>();
        List<List<Double>> columns = new ArrayList<>();
        for (int i = 0; i < PERCENTILES.length; i++) {
            columns.add(new ArrayList<>());
        }
        int i = 0;
        for (JsonNode t : result.path("transports")) {
            names.add(name(t, i++));
            for (int k = 0; k < PERCENTILES.length; k++) {
                String f = Figures.firstNumeric(t, java.util.Arrays.copyOfRange(PERCENTILES[k], 1, PERCENTILES[k].length));
                columns.get(k).add(f == null ? null : num(t, f));
            }
        }
        if (!names.isEmpty()) {
            List<ChartOptions.Series> series = new ArrayList<>();
            for (int k = 0; k < PERCENTILES.length; k++) {
                if (columns.get(k).stream().anyMatch(v -> v != null)) {
                    series.add(new ChartOptions.Series(PERCENTILES[k][0], columns.get(k)));
                }
            }
            section.chart("ipc-percentiles", "Round-trip latency percentiles (ns, log scale)",
                    ChartOptions.groupedBars(names, series, "ns round trip", true));
        }
        List<Double> throughput = new ArrayList<>();
        for (JsonNode t : result.path("transports")) {
            throughput.add(num(t, "throughputMBPerSec"));
        }
        if (throughput.stream().anyMatch(v -> v != null)) {
            section.chart("ipc-throughput", "One-way throughput (MB/s, log scale)",
                    ChartOptions.groupedBars(names, List.of(new ChartOptions.Series("MB/s", throughput)), "MB/s", true));
        }
        Tables.addAll(result, section, Set.of("config"));
    }

    /** "pipe 64 B" when the transport states its message size. */
    private static String name(JsonNode t, int index) {
        String name = Figures.label(t, index);
        String size = Figures.firstNumeric(t, "messageBytes", "sizeBytes", "bytes");
        return size == null ? name : name + " " + Figures.whole(t.path(size).asDouble()) + " B";
    }

    @Override
    public List<Point> points(JsonNode result) {
        List<Point> out = new ArrayList<>();
        int i = 0;
        for (JsonNode t : result.path("transports")) {
            String name = name(t, i++);
            if (!t.path("available").asBoolean(true)) {
                out.add(Point.unavailable(name + " p50", "ns", Figures.text(t, "unavailableReason")));
                continue;
            }
            for (String[] p : PERCENTILES) {
                String f = Figures.firstNumeric(t, java.util.Arrays.copyOfRange(p, 1, p.length));
                if (f != null) {
                    double v = t.path(f).asDouble();
                    // The p50's spread across trials is recorded; the tail percentiles come from one pooled histogram.
                    double rel = p[0].equals("p50") && t.path("p50TrialSpreadRel").isNumber() ? t.path("p50TrialSpreadRel").asDouble() : 0;
                    out.add(Point.of(name + " " + p[0], "ns", v, v * (1 - rel / 2), v * (1 + rel / 2)));
                }
            }
            if (t.path("throughputMBPerSec").isNumber()) {
                double v = t.path("throughputMBPerSec").asDouble();
                double rel = t.path("throughputTrialSpreadRel").asDouble(0);
                out.add(Point.of(name + " throughput", "MB/s", v, v * (1 - rel / 2), v * (1 + rel / 2)));
            }
        }
        return out;
    }
}
