package dev.syscost.report.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.report.format.Figures;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The metrics of a {@code syscost.measure/1} result: per-probe figures, the decomposition, the environment. */
final class MeasureMetrics {
    /**
     * Environment fields worth a label (label, then JSON pointers tried in order: the syscost.env/1 shape
     * first, then flat fields); others are left out to keep the info series small.
     */
    private static final List<List<String>> ENV_LABELS = List.of(
            List.of("kernel", "/kernel/release", "/kernel"),
            List.of("cpu_model", "/cpu/modelName", "/cpuModel"),
            List.of("cpus", "/cpu/cpusOnline", "/cores"),
            List.of("jdk", "/jdk/version", "/jdk"),
            List.of("hypervisor", "/virtualisation/hypervisor", "/virtualization"),
            List.of("sandbox", "/virtualisation/sandbox"),
            List.of("pti", "/pageTableIsolation/active"),
            List.of("clocksource", "/timekeeping/clocksource"));

    private MeasureMetrics() {}

    static void addTo(MetricFamilies m, JsonNode result) {
        for (JsonNode p : result.path("probes")) {
            String id = p.path("id").asText();
            boolean available = p.path("available").asBoolean(true) && p.path("medianNs").isNumber();
            m.gauge("syscost_probe_available", "Whether the probe could be measured here (1) or not (0; see the JSON for why).",
                    available ? 1 : 0, "probe", id);
            if (!available) {
                continue;
            }
            m.gauge("syscost_probe_median_ns", "Median time per call of the probe across trials, in nanoseconds.",
                    Figures.numOrNaN(p, "medianNs"), "probe", id);
            m.gauge("syscost_probe_p10_ns", "10th percentile of the probe's per-trial time per call, in nanoseconds.",
                    Figures.numOrNaN(p, "p10Ns"), "probe", id);
            m.gauge("syscost_probe_p90_ns", "90th percentile of the probe's per-trial time per call, in nanoseconds.",
                    Figures.numOrNaN(p, "p90Ns"), "probe", id);
            m.gauge("syscost_probe_relative_spread", "(p90 - p10) / median of the probe's trials; above 0.2 the host was too busy to measure.",
                    Figures.numOrNaN(p, "relativeSpread"), "probe", id);
            if (p.path("betweenForkSpreadNs").isNumber()) {
                m.gauge("syscost_probe_between_fork_spread_ns", "Range of the probe's median across the fresh JVMs"
                        + " (forks) of the run, in nanoseconds: the variation between runs.",
                        p.path("betweenForkSpreadNs").asDouble(), "probe", id);
            }
            double entries = p.path("kernelEntriesMeasured").isNumber() ? p.path("kernelEntriesMeasured").asDouble()
                    : Figures.numOrNaN(p, "kernelEntriesPerCall");
            m.gauge("syscost_probe_kernel_entries_per_call", "Kernel entries per call of the probe (measured where possible).",
                    entries, "probe", id);
        }
        decomposition(m, result.path("decomposition"));
        run(m, result);
    }

    private static void decomposition(MetricFamilies m, JsonNode d) {
        for (JsonNode t : d.path("terms")) {
            boolean impossible = t.path("physicallyNonNegative").asBoolean(false) && Figures.numOrNaN(t, "valueNs") < 0;
            if (t.has("reason")) {
                m.gauge("syscost_decomposition_resolved", "Whether the decomposition term was resolved (1) or not (0:"
                        + " its interval spans zero, or a term that cannot be negative measured negative).",
                        t.path("resolved").asBoolean(false) ? 1 : 0, "term", t.path("name").asText());
            }
            if (impossible) {
                continue; // a failed measurement, not a figure: syscost_decomposition_resolved says so
            }
            m.gauge("syscost_decomposition_ns", "A term of the cost decomposition (see its formula in the JSON), in nanoseconds.",
                    Figures.numOrNaN(t, "valueNs"), "term", t.path("name").asText());
        }
        for (Map.Entry<String, JsonNode> e : d.path("perSyscallWorkNs").properties()) {
            if (e.getValue().isNumber()) {
                m.gauge("syscost_syscall_work_ns", "A syscall's own work beyond the kernel entry/exit floor, in nanoseconds.",
                        e.getValue().asDouble(), "syscall", e.getKey());
            }
        }
    }

    private static void run(MetricFamilies m, JsonNode result) {
        JsonNode tool = result.path("tool");
        if (tool.path("startedAt").isTextual()) {
            try {
                m.gauge("syscost_measure_timestamp_seconds", "When the measurement started, in Unix seconds.",
                        Instant.parse(tool.path("startedAt").asText()).toEpochMilli() / 1000.0);
            } catch (DateTimeParseException e) {
                // An unparseable timestamp only costs this one series.
            }
        }
        if (tool.path("durationMs").isNumber()) {
            m.gauge("syscost_measure_duration_seconds", "How long the measurement took, in seconds.",
                    tool.path("durationMs").asDouble() / 1000.0);
        }
        m.gauge("syscost_measure_warnings", "Number of warnings the measurement raised (noise, tracing, no pinning).",
                result.path("warnings").size() + result.path("env").path("warnings").size());
        List<String> labels = new ArrayList<>();
        JsonNode env = result.path("env");
        for (List<String> label : ENV_LABELS) {
            for (String pointer : label.subList(1, label.size())) {
                JsonNode v = env.at(pointer);
                if (v.isValueNode() && !v.isNull()) {
                    labels.add(label.get(0));
                    labels.add(v.asText());
                    break;
                }
            }
        }
        if (tool.path("version").isTextual()) {
            labels.add("version");
            labels.add(tool.path("version").asText());
        }
        if (!labels.isEmpty()) {
            m.info("syscost_environment", "The machine the figures were measured on.", labels.toArray(String[]::new));
        }
    }
}
