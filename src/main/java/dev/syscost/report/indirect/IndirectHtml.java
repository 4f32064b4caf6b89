package dev.syscost.report.indirect;

import dev.syscost.indirect.Estimate;
import dev.syscost.indirect.IndirectResult.Cell;
import dev.syscost.indirect.IndirectResult;
import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.Trees;
import dev.syscost.report.format.XyCurves;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The HTML section of {@code syscost indirect}: the indirect (cold-cache) cost against working-set size, one
 * curve per workload, disturber and syscall rate (K), on a log x axis; the PMU's availability stated.
 */
final class IndirectHtml {
    private IndirectHtml() {}

    static void render(IndirectResult r, Section section) {
        if (r.pmu() != null && !r.pmu().available()) {
            section.note("PMU mode unavailable: " + (r.pmu().reason() == null ? "" : r.pmu().reason()));
        }
        XyCurves added = curves(r, Cell::indirectPercentOfDirect);
        if (!added.isEmpty()) {
            section.chart("indirect-added", "Indirect cost added to the direct cost (%) by working set",
                    ChartOptions.logXLines(added.series(), "working set (bytes)", "% added", false));
        }
        XyCurves ns = curves(r, Cell::indirectNsPerSyscall);
        if (!ns.isEmpty()) {
            section.chart("indirect-ns", "Indirect ns per syscall (beyond the spin control) by working set",
                    ChartOptions.logXLines(ns.series(), "working set (bytes)", "ns per syscall", false));
        }
        if (r.summary() != null) {
            r.summary().forEach(line -> section.note(line == null ? "null" : line));
        }
        Tables.addAll(Trees.of(r), section, Set.of("config", "summary"));
    }

    /** The median of {@code y} against working set, one curve per {@link #series}. */
    private static XyCurves curves(IndirectResult r, Function<Cell, Estimate> y) {
        XyCurves curves = new XyCurves();
        for (Cell c : cells(r)) {
            Estimate e = y.apply(c);
            if (e != null) {
                curves.add(series(c), c.workingSetBytes(), e.median());
            }
        }
        return curves;
    }

    /** "workload=chase, disturber=getppid, k=16": the cell's curve. */
    static String series(Cell c) {
        StringBuilder sb = new StringBuilder();
        if (c.workload() != null) {
            sb.append("workload=").append(c.workload()).append(", ");
        }
        if (c.disturber() != null) {
            sb.append("disturber=").append(c.disturber()).append(", ");
        }
        return sb.append("k=").append(c.k()).toString();
    }

    /** The cells, or none when the list is missing or has a hole. */
    static List<Cell> cells(IndirectResult r) {
        return r.cells() == null || r.cells().stream().anyMatch(Objects::isNull) ? List.of() : r.cells();
    }
}
