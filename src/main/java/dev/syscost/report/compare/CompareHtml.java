package dev.syscost.report.compare;

import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Section;
import java.util.ArrayList;
import java.util.List;

/** A saved comparison in the HTML report: B/A of every timed figure as bars, then the rows and the differing environment. */
final class CompareHtml {
    private CompareHtml() {}

    static void render(Comparison c, Section section) {
        section.note("A: " + c.a().file() + "; B: " + c.b().file() + ". " + CompareText.summaryLine(c.summary()));
        List<String> ids = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (Comparison.Row r : c.points()) {
            if (r.ratioBToA() != null) {
                ids.add(r.id());
                ratios.add(r.ratioBToA());
            }
        }
        if (!ids.isEmpty()) {
            section.chart("compare-ratios", "B/A per figure (1 = no change)",
                    ChartOptions.groupedBars(ids, List.of(new ChartOptions.Series("B/A", ratios)), "B/A", false));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Row r : c.points()) {
            rows.add(List.of(r.id(), CompareText.side(r.aValue(), r.aLow(), r.aHigh(), r.unit()),
                    CompareText.side(r.bValue(), r.bLow(), r.bHigh(), r.unit()), CompareText.ratio(r),
                    CompareText.detectable(r), CompareText.words(r) + (r.note() == null ? "" : " (" + r.note() + ")")));
        }
        section.table("Figures", List.of("figure", "A (spread)", "B (spread)", "B/A", "detectable", "difference"), rows);
        if (!c.envDiffs().isEmpty()) {
            List<List<String>> diffs = new ArrayList<>();
            c.envDiffs().forEach(d -> diffs.add(List.of(d.key(), d.a() == null ? "(absent)" : d.a(),
                    d.b() == null ? "(absent)" : d.b())));
            section.table("Environment items that differ", List.of("item", "A", "B"), diffs);
        }
    }
}
