package dev.syscost.report.amortize;

import dev.syscost.batch.AmortizeResult;
import dev.syscost.batch.amortize.BatchPoint;
import dev.syscost.batch.amortize.BatchSection;
import dev.syscost.batch.amortize.ChunkPoint;
import dev.syscost.batch.amortize.TargetSweep;
import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.Trees;
import dev.syscost.report.format.XyCurves;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The HTML section of {@code syscost amortize}: cost per byte and per call against chunk size on log axes, the batched interfaces, then tables. */
final class AmortizeHtml {
    private AmortizeHtml() {}

    static void render(AmortizeResult r, Section section) {
        XyCurves perByte = sweeps(r, ChunkPoint::nsPerByte);
        if (!perByte.isEmpty()) {
            section.note("Cost per byte against chunk size, both on log axes: the curve flattens where the "
                    + "per-call overhead is amortised; the break-even table says where.");
            section.chart("amortize-per-byte", "ns per byte by chunk size",
                    ChartOptions.logXLines(perByte.series(), "chunk size (bytes)", "ns per byte", true));
        }
        XyCurves perCall = sweeps(r, ChunkPoint::nsPerCall);
        if (!perCall.isEmpty()) {
            section.chart("amortize-per-call", "ns per call by chunk size",
                    ChartOptions.logXLines(perCall.series(), "chunk size (bytes)", "ns per call", true));
        }
        XyCurves batched = new XyCurves();
        List<BatchSection> sections = objects(r.batched());
        for (int i = 0; i < sections.size(); i++) {
            String name = name(sections.get(i), i);
            for (BatchPoint p : objects(sections.get(i).points())) {
                batched.add(series(name, p), p.batch(), p.nsPerOp());
            }
        }
        if (!batched.isEmpty()) {
            section.note("Batched kernel interfaces: the cost of one 64-byte operation as more go per kernel entry.");
            section.chart("amortize-batched", "ns per operation by batch size",
                    ChartOptions.logXLines(batched.series(), "operations per batch", "ns per operation", true));
        }
        Tables.addAll(Trees.of(r), section, Set.of("config"));
    }

    /** One curve per target: {@code y} against chunk size. */
    private static XyCurves sweeps(AmortizeResult r, ToDoubleFunction<ChunkPoint> y) {
        XyCurves curves = new XyCurves();
        List<TargetSweep> targets = objects(r.targets());
        for (int i = 0; i < targets.size(); i++) {
            String name = name(targets.get(i), i);
            for (ChunkPoint p : objects(targets.get(i).points())) {
                curves.add(name, p.chunkBytes(), y.applyAsDouble(p));
            }
        }
        return curves;
    }

    /** A target's name, or its place ("#2"). */
    static String name(TargetSweep t, int index) {
        return t.name() != null ? t.name() : "#" + (index + 1);
    }

    /** A batched interface's name, else its target's, or its place ("#2"). */
    static String name(BatchSection b, int index) {
        return b.name() != null ? b.name() : b.target() != null ? b.target() : "#" + (index + 1);
    }

    /** "writev api=writev": the interface, then the API of the point. */
    static String series(String section, BatchPoint p) {
        return p.api() == null ? section : section + " api=" + p.api();
    }

    /** The list, or none when it is missing or has a hole (a table, not a curve, shows such a list). */
    static <T> List<T> objects(List<T> list) {
        return list == null || list.stream().anyMatch(Objects::isNull) ? List.of() : list;
    }
}
