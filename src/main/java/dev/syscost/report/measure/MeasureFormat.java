package dev.syscost.report.measure;

import dev.syscost.bench.Decomposition;
import dev.syscost.bench.MeasureResult;
import dev.syscost.bench.ProbeResult;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.RecordFormat;
import dev.syscost.report.metrics.MetricFamilies;
import java.util.List;

/** Every view of {@code syscost.measure/1}: the cost ladder and its decomposition. */
public final class MeasureFormat extends RecordFormat<MeasureResult> {
    public MeasureFormat() {
        super(MeasureResult.class, MeasureResult::schema, "Cost ladder (syscost measure)", List.of(MeasureResult.SCHEMA),
                MeasureFormat::headerOf, MeasureText::render, MeasureHtml::render);
    }

    @Override
    public void metrics(MeasureResult result, MetricFamilies families) {
        MeasureMetrics.addTo(families, result);
    }

    @Override
    public List<Point> points(MeasureResult result) {
        return MeasurePoints.of(result);
    }

    /** The probes of {@code r}, none when a file has no list. */
    static List<ProbeResult> probes(MeasureResult r) {
        return r.probes() == null ? List.of() : r.probes();
    }

    /** The terms of {@code d}, none when there is no decomposition or a file has no list. */
    static List<Decomposition.Term> terms(Decomposition d) {
        return d == null || d.terms() == null ? List.of() : d.terms();
    }

    /**
     * Whether the term says if it was resolved: resolved, or not with the reason. A file of a syscost that
     * predates the reason (or had no "resolved" at all) leaves an unresolved term's state unknown.
     */
    static boolean resolutionKnown(Decomposition.Term t) {
        return t.resolved() || t.reason() != null;
    }

    /** The run's environment and warnings (Measure.run put the environment's first), and when it ran. */
    private static Header headerOf(MeasureResult r) {
        Header header = Header.of(r.env(), r.warnings());
        MeasureResult.Tool tool = r.tool();
        return tool == null ? header : header.withRun(tool.startedAt(), tool.durationMs(), tool.version());
    }
}
