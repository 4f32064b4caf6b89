package dev.syscost.report.amortize;

import dev.syscost.batch.AmortizeResult;
import dev.syscost.batch.amortize.BatchPoint;
import dev.syscost.batch.amortize.BatchSection;
import dev.syscost.batch.amortize.ChunkPoint;
import dev.syscost.batch.amortize.TargetSweep;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.RecordFormat;
import java.util.ArrayList;
import java.util.List;

/** {@code syscost.amortize/1}: what chunking and batching buy at the user/kernel boundary. */
public final class AmortizeFormat extends RecordFormat<AmortizeResult> {
    public AmortizeFormat() {
        super(AmortizeResult.class, AmortizeResult::schema, "Amortisation (syscost amortize)", List.of(AmortizeResult.SCHEMA),
                r -> Header.of(r.env(), r.warnings()), AmortizeText::render, AmortizeHtml::render);
    }

    /** Each target's ns per call at each chunk size (p10–p90), then each batched API's ns per operation at each batch. */
    @Override
    public List<Point> points(AmortizeResult result) {
        List<Point> out = new ArrayList<>();
        List<TargetSweep> targets = AmortizeHtml.objects(result.targets());
        for (int i = 0; i < targets.size(); i++) {
            String name = AmortizeHtml.name(targets.get(i), i);
            for (ChunkPoint p : AmortizeHtml.objects(targets.get(i).points())) {
                out.add(Point.of(name + " chunkBytes=" + Figures.whole(p.chunkBytes()), "ns", p.nsPerCall(),
                        p.nsPerCallP10(), p.nsPerCallP90()));
            }
        }
        List<BatchSection> batched = AmortizeHtml.objects(result.batched());
        for (int i = 0; i < batched.size(); i++) {
            String name = AmortizeHtml.name(batched.get(i), i);
            for (BatchPoint p : AmortizeHtml.objects(batched.get(i).points())) {
                out.add(Point.of(AmortizeHtml.series(name, p) + " batch=" + Figures.whole(p.batch()), "ns", p.nsPerOp(),
                        p.nsPerOpP10(), p.nsPerOpP90()));
            }
        }
        return out;
    }
}
