package dev.syscost.report.view;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Point;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** {@code syscost.amortize/1}: cost per call and per byte against chunk size, on log axes; break-even table. */
public final class AmortizeView implements ResultView {
    public static final String SCHEMA = "syscost.amortize/1";
    static final String[] X = {"chunkBytes", "sizeBytes", "chunkSizeBytes", "bytes", "iovecs", "batch", "batchSize", "recordBytes"};

    @Override
    public String title() {
        return "Amortisation (syscost amortize)";
    }

    @Override
    public void render(JsonNode result, Section section) {
        List<ChartOptions.XySeries> perByte = Curves.find(result, "targets", X, new String[] {"nsPerByte"});
        if (!perByte.isEmpty()) {
            section.note("Cost per byte against chunk size, both on log axes: the curve flattens where the "
                    + "per-call overhead is amortised; the break-even table says where.");
            section.chart("amortize-per-byte", "ns per byte by chunk size",
                    ChartOptions.logXLines(perByte, "chunk size (bytes)", "ns per byte", true));
        }
        List<ChartOptions.XySeries> perCall = Curves.find(result, "targets", X, new String[] {"nsPerCall", "medianNs"});
        if (!perCall.isEmpty()) {
            section.chart("amortize-per-call", "ns per call by chunk size",
                    ChartOptions.logXLines(perCall, "chunk size (bytes)", "ns per call", true));
        }
        List<ChartOptions.XySeries> batched = Curves.find(result, "batched", new String[] {"batch", "batchSize", "iovecs"},
                new String[] {"nsPerOp", "nsPerOperation"}, "api");
        if (!batched.isEmpty()) {
            section.note("Batched kernel interfaces: the cost of one 64-byte operation as more go per kernel entry.");
            section.chart("amortize-batched", "ns per operation by batch size",
                    ChartOptions.logXLines(batched, "operations per batch", "ns per operation", true));
        }
        Tables.addAll(result, section, Set.of("config"));
    }

    @Override
    public List<Point> points(JsonNode result) {
        List<Point> points = new java.util.ArrayList<>(Curves.points(result, X, "nsPerCall", "ns"));
        points.addAll(Curves.points(result, new String[] {"batch"}, "nsPerOp", "ns", "api"));
        return points;
    }
}
