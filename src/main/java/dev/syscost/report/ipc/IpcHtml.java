package dev.syscost.report.ipc;

import dev.syscost.batch.ipc.IpcResult;
import dev.syscost.batch.ipc.TransportResult;
import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** The HTML section of {@code syscost ipc}: round-trip latency percentiles and one-way throughput per transport, on log axes. */
final class IpcHtml {
    /** The percentiles charted and compared, with how to read each from a transport. */
    static final List<Percentile> PERCENTILES = List.of(new Percentile("p50", TransportResult::p50Ns),
            new Percentile("p99", TransportResult::p99Ns), new Percentile("p99.9", TransportResult::p999Ns));

    /** A latency percentile of a transport's round trips (null where not measured). */
    record Percentile(String label, Function<TransportResult, Long> ns) {}

    private IpcHtml() {}

    static void render(IpcResult r, Section section) {
        List<TransportResult> transports = transports(r);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < transports.size(); i++) {
            names.add(name(transports.get(i), i));
        }
        if (!names.isEmpty()) {
            List<ChartOptions.Series> series = new ArrayList<>();
            for (Percentile p : PERCENTILES) {
                List<Double> column = transports.stream().map(t -> p.ns().apply(t))
                        .map(v -> v == null ? null : v.doubleValue()).toList();
                if (column.stream().anyMatch(Objects::nonNull)) {
                    series.add(new ChartOptions.Series(p.label(), column));
                }
            }
            section.chart("ipc-percentiles", "Round-trip latency percentiles (ns, log scale)",
                    ChartOptions.groupedBars(names, series, "ns round trip", true));
        }
        List<Double> throughput = transports.stream().map(TransportResult::throughputMBPerSec).toList();
        if (throughput.stream().anyMatch(Objects::nonNull)) {
            section.chart("ipc-throughput", "One-way throughput (MB/s, log scale)",
                    ChartOptions.groupedBars(names, List.of(new ChartOptions.Series("MB/s", throughput)), "MB/s", true));
        }
        Tables.addAll(Trees.of(r), section, Set.of("config"));
    }

    /** "pipe 64 B": the transport and its message size; its place ("#2") when it has no name. */
    static String name(TransportResult t, int index) {
        return (t.name() != null ? t.name() : "#" + (index + 1)) + " " + Figures.whole(t.messageBytes()) + " B";
    }

    /** The transports, or none when the list is missing or has a hole. */
    static List<TransportResult> transports(IpcResult r) {
        return r.transports() == null || r.transports().stream().anyMatch(Objects::isNull) ? List.of() : r.transports();
    }
}
