package dev.syscost.report;

import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.Result;
import dev.syscost.report.format.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a report holds several runs of the same command (before and after a kernel upgrade), one extra
 * section puts their timed figures side by side on a log axis; {@code syscost compare} gives the verdicts.
 */
final class SideBySide {
    /** More bars than this per chart would be unreadable. */
    private static final int MAX_FIGURES = 40;

    private SideBySide() {}

    static List<Section> sections(List<Result<?>> results, List<String> sources) {
        Map<String, List<Integer>> bySchema = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            bySchema.computeIfAbsent(results.get(i).schema(), k -> new ArrayList<>()).add(i);
        }
        List<Section> out = new ArrayList<>();
        bySchema.forEach((schema, indexes) -> {
            if (indexes.size() >= 2) {
                section(schema, indexes, results, sources).ifPresent(out::add);
            }
        });
        return out;
    }

    private static java.util.Optional<Section> section(String schema, List<Integer> indexes, List<Result<?>> results,
                                                       List<String> sources) {
        Result<?> first = results.get(indexes.get(0));
        List<String> ids = new ArrayList<>();
        for (Point p : first.points()) {
            if (p.isTime() && ids.size() < MAX_FIGURES) {
                ids.add(p.id());
            }
        }
        if (ids.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<ChartOptions.Series> series = new ArrayList<>();
        for (int i : indexes) {
            Map<String, Double> values = new LinkedHashMap<>();
            results.get(i).points().forEach(p -> values.put(p.id(), p.available() ? p.value() : null));
            List<Double> column = new ArrayList<>();
            ids.forEach(id -> column.add(values.get(id)));
            String source = i < sources.size() && !sources.get(i).isEmpty() ? sources.get(i) : "run " + (i + 1);
            series.add(new ChartOptions.Series(source, column));
        }
        Section s = new Section(schema, "Side by side: " + first.title(), indexes.size() + " runs of " + schema).derived();
        s.note("The same figures from each run on one log axis; `syscost compare A.json B.json` says which "
                + "differences exceed the runs' spread.");
        s.chart("side-by-side-" + schema.replaceAll("[^a-z0-9]+", "-"), "Side by side (ns, log scale)",
                ChartOptions.horizontalLogBars(ids, series, "ns"));
        return java.util.Optional.of(s);
    }
}
