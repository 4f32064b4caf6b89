package dev.syscost.report.indirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.indirect.Estimate;
import dev.syscost.indirect.IndirectResult.Cell;
import dev.syscost.indirect.IndirectResult;
import dev.syscost.indirect.PmuReport;
import dev.syscost.report.ResultFormats;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.Result;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Trees;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The indirect room groups its cells into curves by workload, disturber and K, from the record's own fields. */
class IndirectFormatTest {
    private static Estimate e(double median) {
        return new Estimate(median, median - 1, median + 2, 0.95, median - 1, median + 2, 20);
    }

    private static Cell cell(String disturber, long ws, int k, double indirectNs) {
        return new Cell("chase", disturber, ws, k, 100, e(1000), e(900), 1e5, e(indirectNs), e(indirectNs), e(0),
                e(indirectNs / 10), true, "+", e(1), e(1), 10, 4, e(1));
    }

    private static IndirectResult result() {
        List<Cell> cells = List.of(cell("getppid", 4194304, 1, 300), cell("getppid", 16384, 1, 100),
                cell("getppid", 16384, 16, 50), cell("sched_yield", 16384, 1, 70));
        return new IndirectResult(IndirectResult.SCHEMA, null, null, List.of(), List.of(), cells,
                PmuReport.unavailable("no PMU here"), List.of("a summary line"), List.of());
    }

    @Test
    void shouldDrawOneCurvePerWorkloadDisturberAndKSortedByWorkingSet() {
        Section section = new Section(IndirectResult.SCHEMA, "t", "s");
        new IndirectFormat().html(result(), section);
        JsonNode blocks = section.toNode().path("blocks");
        assertThat(blocks.get(0).path("text").asText()).isEqualTo("PMU mode unavailable: no PMU here");
        JsonNode ns = blocks.get(2);
        assertThat(ns.path("id").asText()).isEqualTo("indirect-ns");
        assertThat(ns.path("option").path("series")).extracting(s -> s.path("name").asText()).containsExactly(
                "workload=chase, disturber=getppid, k=1", "workload=chase, disturber=getppid, k=16",
                "workload=chase, disturber=sched_yield, k=1");
        assertThat(ns.path("option").path("series").get(0).path("data").toString())
                .isEqualTo("[[16384.0,100.0],[4194304.0,300.0]]");
        assertThat(blocks.get(3).path("text").asText()).isEqualTo("a summary line");
    }

    @Test
    void shouldCompareEachCellWithItsInterval() {
        List<Point> points = new IndirectFormat().points(result());
        assertThat(points).hasSize(4);
        assertThat(points.get(0)).isEqualTo(
                Point.of("workload=chase, disturber=getppid, k=1 workingSetBytes=4194304", "ns", 300, 299, 302));
    }

    @Test
    void shouldReadAFileBackIntoTheSameRecord() {
        IndirectResult r = result();
        Result<?> read = ResultFormats.parse(Trees.of(r));
        assertThat(read.format()).isInstanceOf(IndirectFormat.class);
        assertThat(read.record()).isEqualTo(r);
    }
}
