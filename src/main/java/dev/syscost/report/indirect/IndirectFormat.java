package dev.syscost.report.indirect;

import dev.syscost.indirect.Estimate;
import dev.syscost.indirect.IndirectResult;
import dev.syscost.indirect.IndirectResult.Cell;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.ResultFormat;
import dev.syscost.report.format.Section;
import java.util.ArrayList;
import java.util.List;

/** {@code syscost.indirect/1}: the cold-cache bill of a syscall, by rate and working set. */
public final class IndirectFormat implements ResultFormat<IndirectResult> {
    @Override
    public List<String> schemas() {
        return List.of(IndirectResult.SCHEMA);
    }

    @Override
    public Class<IndirectResult> type() {
        return IndirectResult.class;
    }

    @Override
    public String schema(IndirectResult result) {
        return result.schema();
    }

    @Override
    public String title() {
        return "Indirect cost (syscost indirect)";
    }

    /** The environment and the run's own warnings (the terminal report shows no others). */
    @Override
    public Header header(IndirectResult result) {
        return Header.of(result.env(), result.warnings()).withoutEnvWarnings();
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
