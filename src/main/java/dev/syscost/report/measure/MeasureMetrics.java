package dev.syscost.report.measure;

import dev.syscost.bench.Decomposition;
import dev.syscost.bench.MeasureResult;
import dev.syscost.bench.ProbeResult;
import dev.syscost.env.Environment;
import dev.syscost.report.metrics.MetricFamilies;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The metrics of a {@code syscost.measure/1} result: per-probe figures, the decomposition, the environment.
 * What {@code --format openmetrics} prints and what {@code syscost serve} exposes for its latest run.
 */
public final class MeasureMetrics {
    /** Environment facts worth a label; others are left out to keep the info series small. */
    private record EnvLabel(String label, Function<Environment, Object> value) {}

    private static final List<EnvLabel> ENV_LABELS = List.of(
            new EnvLabel("kernel", e -> e.kernel() == null ? null : e.kernel().release()),
            new EnvLabel("cpu_model", e -> e.cpu() == null ? null : e.cpu().modelName()),
            new EnvLabel("cpus", e -> e.cpu() == null ? null : e.cpu().cpusOnline()),
            new EnvLabel("jdk", e -> e.jdk() == null ? null : e.jdk().version()),
            new EnvLabel("hypervisor", e -> e.virtualisation() == null ? null : e.virtualisation().hypervisor()),
            new EnvLabel("sandbox", e -> e.virtualisation() == null ? null : e.virtualisation().sandbox()),
            new EnvLabel("pti", e -> e.pageTableIsolation() == null ? null : e.pageTableIsolation().active()),
            new EnvLabel("clocksource", e -> e.timekeeping() == null ? null : e.timekeeping().clocksource()));

    private MeasureMetrics() {}

    /** Adds the families of {@code result} to {@code m}. */
    public static void addTo(MetricFamilies m, MeasureResult result) {
        for (ProbeResult p : MeasureFormat.probes(result)) {
            String id = p.id();
            m.gauge("syscost_probe_available", "Whether the probe could be measured here (1) or not (0; see the JSON for why).",
                    p.available() ? 1 : 0, "probe", id);
            if (!p.available()) {
                continue;
            }
            m.gauge("syscost_probe_median_ns", "Median time per call of the probe across trials, in nanoseconds.",
                    p.medianNs(), "probe", id);
            m.gauge("syscost_probe_p10_ns", "10th percentile of the probe's per-trial time per call, in nanoseconds.",
                    p.p10Ns(), "probe", id);
            m.gauge("syscost_probe_p90_ns", "90th percentile of the probe's per-trial time per call, in nanoseconds.",
                    p.p90Ns(), "probe", id);
            m.gauge("syscost_probe_relative_spread", "(p90 - p10) / median of the probe's trials; above 0.2 the host was too busy to measure.",
                    p.relativeSpread(), "probe", id);
            if (p.betweenForkSpreadNs() != null) {
                m.gauge("syscost_probe_between_fork_spread_ns", "Range of the probe's median across the fresh JVMs"
                        + " (forks) of the run, in nanoseconds: the variation between runs.",
                        p.betweenForkSpreadNs(), "probe", id);
            }
            double entries = p.kernelEntriesMeasured() != null ? p.kernelEntriesMeasured() : p.kernelEntriesPerCall();
            m.gauge("syscost_probe_kernel_entries_per_call", "Kernel entries per call of the probe (measured where possible).",
                    entries, "probe", id);
        }
        decomposition(m, result.decomposition());
        run(m, result);
    }

    private static void decomposition(MetricFamilies m, Decomposition d) {
        if (d == null) {
            return;
        }
        for (Decomposition.Term t : MeasureFormat.terms(d)) {
            if (MeasureFormat.resolutionKnown(t)) {
                m.gauge("syscost_decomposition_resolved", "Whether the decomposition term was resolved (1) or not (0:"
                        + " its interval spans zero, or a term that cannot be negative measured negative).",
                        t.resolved() ? 1 : 0, "term", t.name());
            }
            if (t.physicallyNonNegative() && t.valueNs() < 0) {
                continue; // a failed measurement, not a figure: syscost_decomposition_resolved says so
            }
            m.gauge("syscost_decomposition_ns", "A term of the cost decomposition (see its formula in the JSON), in nanoseconds.",
                    t.valueNs(), "term", t.name());
        }
        if (d.perSyscallWorkNs() != null) {
            for (Map.Entry<String, Double> e : d.perSyscallWorkNs().entrySet()) {
                if (e.getValue() != null) {
                    m.gauge("syscost_syscall_work_ns", "A syscall's own work beyond the kernel entry/exit floor, in nanoseconds.",
                            e.getValue(), "syscall", e.getKey());
                }
            }
        }
    }

    private static void run(MetricFamilies m, MeasureResult result) {
        MeasureResult.Tool tool = result.tool();
        if (tool != null && tool.startedAt() != null) {
            try {
                m.gauge("syscost_measure_timestamp_seconds", "When the measurement started, in Unix seconds.",
                        Instant.parse(tool.startedAt()).toEpochMilli() / 1000.0);
            } catch (DateTimeParseException e) {
                // An unparseable timestamp only costs this one series.
            }
        }
        if (tool != null) {
            m.gauge("syscost_measure_duration_seconds", "How long the measurement took, in seconds.", tool.durationMs() / 1000.0);
        }
        // The result's warnings already hold its environment's (Measure.run adds them first).
        m.gauge("syscost_measure_warnings", "Number of warnings the measurement raised (noise, tracing, no pinning).",
                result.warnings() == null ? 0 : result.warnings().size());
        List<String> labels = new ArrayList<>();
        if (result.env() != null) {
            for (EnvLabel label : ENV_LABELS) {
                Object v = label.value().apply(result.env());
                if (v != null) {
                    labels.add(label.label());
                    labels.add(v.toString());
                }
            }
        }
        if (tool != null && tool.version() != null) {
            labels.add("version");
            labels.add(tool.version());
        }
        if (!labels.isEmpty()) {
            m.info("syscost_environment", "The machine the figures were measured on.", labels.toArray(String[]::new));
        }
    }
}
