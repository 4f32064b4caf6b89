package dev.syscost.report.indirect;

import dev.syscost.indirect.Estimate;
import dev.syscost.indirect.IndirectResult.Cell;
import dev.syscost.indirect.IndirectResult;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.RecordFormat;
import java.util.ArrayList;
import java.util.List;

/** {@code syscost.indirect/1}: the cold-cache bill of a syscall, by rate and working set. */
public final class IndirectFormat extends RecordFormat<IndirectResult> {
    public IndirectFormat() {
        super(IndirectResult.class, IndirectResult::schema, "Indirect cost (syscost indirect)", List.of(IndirectResult.SCHEMA),
                r -> Header.of(r.env(), r.warnings()), IndirectText::render, IndirectHtml::render);
    }

    /** Each cell's indirect ns per syscall with its 95% interval. */
    @Override
    public List<Point> points(IndirectResult result) {
        List<Point> out = new ArrayList<>();
        for (Cell c : IndirectHtml.cells(result)) {
            Estimate e = c.indirectNsPerSyscall();
            if (e != null) {
                out.add(Point.of(IndirectHtml.series(c) + " workingSetBytes=" + Figures.whole(c.workingSetBytes()), "ns",
                        e.median(), e.ciLow(), e.ciHigh()));
            }
        }
        return out;
    }
}
