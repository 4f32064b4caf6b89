package dev.syscost.report.measure;

import dev.syscost.bench.Decomposition;
import dev.syscost.bench.MeasureResult;
import dev.syscost.bench.ProbeResult;
import dev.syscost.report.format.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code compare} puts side by side for two measure runs: each probe's median with its p10–p90 and
 * between-fork spread, then each decomposition term with its interval; a disturbed term is no figure.
 */
final class MeasurePoints {
    /** How a disturbed term's reason starts (files of any syscost version that records it). */
    private static final String DISTURBED = "not resolved: measurement disturbed";

    private MeasurePoints() {}

    static List<Point> of(MeasureResult r) {
        List<Point> points = new ArrayList<>();
        for (ProbeResult p : MeasureFormat.probes(r)) {
            if (!p.available()) {
                points.add(Point.unavailable(p.id(), "ns", p.unavailableReason()));
                continue;
            }
            points.add(Point.of(p.id(), "ns", p.medianNs(), p.p10Ns(), p.p90Ns()).withForkSpread(p.betweenForkSpreadNs()));
        }
        for (Decomposition.Term t : MeasureFormat.terms(r.decomposition())) {
            String name = "term: " + t.name();
            if (t.reason() != null && t.reason().startsWith(DISTURBED)) {
                points.add(Point.unavailable(name, "ns", t.reason()));
                continue;
            }
            double v = t.valueNs();
            double[] ci = t.ci95Ns() != null && t.ci95Ns().length == 2 ? t.ci95Ns() : new double[] {v, v};
            points.add(Point.of(name, "ns", v, ci[0], ci[1]).withForkSpread(t.betweenForkSpreadNs()));
        }
        return points;
    }
}
