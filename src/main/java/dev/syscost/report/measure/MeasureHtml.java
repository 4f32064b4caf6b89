package dev.syscost.report.measure;

import static dev.syscost.report.format.Figures.interval;
import static dev.syscost.report.format.Figures.withUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syscost.bench.Decomposition;
import dev.syscost.bench.MeasureResult;
import dev.syscost.bench.ProbeResult;
import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The HTML section of {@code syscost.measure/1}: the cost ladder as a log-scale bar chart, the decomposition as stacked bars. */
final class MeasureHtml {
    private MeasureHtml() {}

    static void render(MeasureResult r, Section section) {
        List<ProbeResult> probes = MeasureFormat.probes(r);
        List<String> ids = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        for (ProbeResult p : probes) {
            if (p.available()) {
                ids.add(text(p.id()));
                medians.add(p.medianNs());
            }
        }
        section.note("Median time per call of each rung, in nanoseconds on a logarithmic axis: each rung adds "
                + "one more layer of the boundary (a Java call, an FFM downcall, the vDSO, a bare kernel entry, real work).");
        section.chart("measure-ladder", "Cost ladder: median ns per call (log scale)",
                ChartOptions.horizontalLogBars(ids, List.of(new ChartOptions.Series("median ns", medians)), "ns per call"));
        section.table("Probes", List.of("probe", "median", "p10–p90 ns", "95% CI ns", "kernel entries/call",
                "spread", "trials × calls", "what it does / why unavailable"), probeRows(probes));
        decomposition(r.decomposition(), probes, section);
        Tables.addAll(present(Trees.of(r)), section, Set.of("probes", "decomposition"));
    }

    /** The record's tree without its null fields: what a file of an older syscost lacks is not shown as "null". */
    private static JsonNode present(JsonNode tree) {
        ObjectNode out = (ObjectNode) tree;
        List<String> absent = new ArrayList<>();
        out.properties().forEach(e -> {
            if (e.getValue().isNull()) {
                absent.add(e.getKey());
            }
        });
        out.remove(absent);
        return out;
    }

    private static List<List<String>> probeRows(List<ProbeResult> probes) {
        List<List<String>> rows = new ArrayList<>();
        for (ProbeResult p : probes) {
            boolean available = p.available();
            rows.add(List.of(text(p.id()),
                    available ? withUnit(p.medianNs(), "ns") : "unavailable",
                    available ? interval(p.p10Ns(), p.p90Ns()) : "–",
                    available ? ci(p.ci95Ns()) : "–",
                    entries(p),
                    available ? Figures.percent(p.relativeSpread()) : "–",
                    p.trials() + " × " + p.callsPerTrial(),
                    text(available ? p.description() : p.unavailableReason())));
        }
        return rows;
    }

    private static String entries(ProbeResult p) {
        String declared = Integer.toString(p.kernelEntriesPerCall());
        return p.kernelEntriesMeasured() == null ? declared
                : declared + " (measured " + Figures.number(p.kernelEntriesMeasured()) + ")";
    }

    /** Stacks per call: k × (FFM overhead + entry/exit floor) for a probe of k kernel entries, then its own work. */
    private static void decomposition(Decomposition d, List<ProbeResult> probes, Section section) {
        if (d == null) {
            return;
        }
        Map<String, Integer> entriesById = new HashMap<>();
        probes.forEach(p -> entriesById.put(text(p.id()), p.kernelEntriesPerCall()));
        List<String> syscalls = new ArrayList<>();
        List<Double> ffm = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Double> own = new ArrayList<>();
        Map<String, Double> work = d.perSyscallWorkNs() == null ? Map.of() : d.perSyscallWorkNs();
        for (Map.Entry<String, Double> e : work.entrySet()) {
            syscalls.add(e.getKey());
            int k = entriesById.getOrDefault(e.getKey(), 1);
            ffm.add(d.ffmOverheadNs() == null ? null : k * d.ffmOverheadNs());
            floor.add(d.entryExitFloorNs() == null ? null : k * d.entryExitFloorNs());
            own.add(e.getValue());
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
        for (Decomposition.Term t : MeasureFormat.terms(d)) {
            String resolved = t.resolved() ? "yes"
                    : MeasureFormat.resolutionKnown(t) ? "no: " + t.reason().replaceFirst("^not resolved: ", "") : "";
            boolean impossible = t.physicallyNonNegative() && t.valueNs() < 0;
            rows.add(List.of(text(t.name()), impossible ? "—" : withUnit(t.valueNs(), "ns"), ci(t.ci95Ns()), resolved,
                    text(t.formula()), text(t.note())));
        }
        if (!rows.isEmpty()) {
            section.table("Decomposition terms", List.of("term", "value", "95% CI ns", "resolved", "formula", "note"), rows);
        }
    }

    private static String ci(double[] ci) {
        return ci == null || ci.length != 2 ? "–" : interval(ci[0], ci[1]);
    }

    private static String text(String s) {
        return Objects.toString(s, "");
    }
}
