package dev.syscost.report.view;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Point;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * {@code syscost.indirect/1}: the indirect (cold-cache) cost against working-set size, one curve per
 * syscall rate, on a log x axis — the rate × working-set view; the PMU's availability stated.
 */
public final class IndirectView implements ResultView {
    public static final String SCHEMA = "syscost.indirect/1";
    static final String[] X = {"workingSetBytes", "workingSetKiB", "workingSet"};
    static final String[] GROUP = {"workload", "disturber", "everyK", "k"};

    @Override
    public String title() {
        return "Indirect cost (syscost indirect)";
    }

    @Override
    public void render(JsonNode result, Section section) {
        JsonNode pmu = result.path("pmu");
        if (pmu.isObject() && !pmu.path("available").asBoolean(false)) {
            section.note("PMU mode unavailable: " + Figures.text(pmu, "reason"));
        }
        List<ChartOptions.XySeries> added = Curves.find(result, "cells", X,
                new String[] {"indirectPercentOfDirect", "addedPercent", "indirectPercent"}, GROUP);
        if (!added.isEmpty()) {
            section.chart("indirect-added", "Indirect cost added to the direct cost (%) by working set",
                    ChartOptions.logXLines(added, "working set (bytes)", "% added", false));
        }
        List<ChartOptions.XySeries> ns = Curves.find(result, "cells", X,
                new String[] {"indirectNsPerSyscall", "indirectNs", "extraNsPerSyscall"}, GROUP);
        if (!ns.isEmpty()) {
            section.chart("indirect-ns", "Indirect ns per syscall (beyond the spin control) by working set",
                    ChartOptions.logXLines(ns, "working set (bytes)", "ns per syscall", false));
        }
        for (JsonNode line : result.path("summary")) {
            section.note(line.isTextual() ? line.asText() : line.toString());
        }
        Tables.addAll(result, section, Set.of("config", "summary"));
    }

    @Override
    public List<Point> points(JsonNode result) {
        return Curves.points(result, X, "indirectNsPerSyscall", "ns", GROUP);
    }
}
