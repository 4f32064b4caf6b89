package dev.syscost.report.indirect;

import dev.syscost.indirect.Estimate;
import dev.syscost.indirect.IndirectResult;
import dev.syscost.indirect.IndirectResult.Cell;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.RecordFormat;
import dev.syscost.report.format.Section;
import java.util.ArrayList;
import java.util.List;

/** {@code syscost.indirect/1}: the cold-cache bill of a syscall, by rate and working set. */
public final class IndirectFormat extends RecordFormat<IndirectResult> {
    public IndirectFormat() {
        super(IndirectResult.class, IndirectResult::schema, "Indirect cost (syscost indirect)", IndirectResult.SCHEMA);
    }

    /** The environment and the run's own warnings (the terminal report shows no others). */
    @Override
    public Header header(IndirectResult result) {
        return Header.of(result.env(), result.warnings());
    }

    @Override
    public String text(IndirectResult result) {
        return IndirectText.render(result);
    }

    @Override
    public void html(IndirectResult result, Section section) {
        IndirectHtml.render(result, section);
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
