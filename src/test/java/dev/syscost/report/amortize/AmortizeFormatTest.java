package dev.syscost.report.amortize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syscost.batch.AmortizeResult;
import dev.syscost.batch.amortize.BatchPoint;
import dev.syscost.batch.amortize.BatchSection;
import dev.syscost.batch.amortize.ChunkPoint;
import dev.syscost.batch.amortize.TargetSweep;
import dev.syscost.report.ResultFormats;
import dev.syscost.report.format.GenericFormat;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.Result;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Trees;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The amortize room reads its curves and compare points from the record's own fields. */
class AmortizeFormatTest {
    private static ChunkPoint chunk(long bytes, double nsPerCall) {
        return new ChunkPoint(bytes, 100, 5, nsPerCall, nsPerCall - 10, nsPerCall + 20, nsPerCall / bytes, 1.0, 1.0,
                1.0, 1.0, 0.5);
    }

    private static AmortizeResult result() {
        // points out of order: the chart sorts them, compare keeps the record's order
        TargetSweep devnull = new TargetSweep("devnull", "/dev/null", 0, List.of(chunk(4096, 400), chunk(64, 200)), null);
        TargetSweep unnamed = new TargetSweep(null, "?", 0, List.of(chunk(64, 300)), null);
        BatchSection writev = new BatchSection("writev", "devnull", 64, true, null, "note", List.of(
                new BatchPoint("write", 16, 300, 290, 310, 1.0, 1.0, null),
                new BatchPoint("writev", 16, 30, 29, 31, 0.0625, 0.0625, null)));
        BatchSection off = new BatchSection("io_uring", "devnull", 64, false, "io_uring disabled", null, List.of());
        return new AmortizeResult(AmortizeResult.SCHEMA, null, null, List.of(devnull, unnamed), Map.of(),
                List.of(writev, off), null, 1.5, List.of("a warning"));
    }

    private static JsonNode chart(Section section, String id) {
        for (JsonNode b : section.toNode().path("blocks")) {
            if (id.equals(b.path("id").asText())) {
                return b.path("option").path("series");
            }
        }
        throw new AssertionError("no chart " + id + " in " + section.toNode());
    }

    @Test
    void shouldDrawOneCurvePerTargetSortedByChunkSizeAndOnePerBatchedApi() {
        Section section = new Section(AmortizeResult.SCHEMA, "t", "s");
        new AmortizeFormat().html(result(), section);
        JsonNode perCall = chart(section, "amortize-per-call");
        assertThat(perCall).extracting(s -> s.path("name").asText()).containsExactly("devnull", "#2");
        assertThat(perCall.get(0).path("data").toString()).isEqualTo("[[64.0,200.0],[4096.0,400.0]]");
        JsonNode batched = chart(section, "amortize-batched");
        assertThat(batched).extracting(s -> s.path("name").asText()).containsExactly("writev api=write", "writev api=writev");
    }

    @Test
    void shouldCompareEachChunkSizeAndBatchWithItsP10ToP90() {
        List<Point> points = new AmortizeFormat().points(result());
        assertThat(points).extracting(Point::id).containsExactly("devnull chunkBytes=4096", "devnull chunkBytes=64",
                "#2 chunkBytes=64", "writev api=write batch=16", "writev api=writev batch=16");
        assertThat(points.get(0)).isEqualTo(Point.of("devnull chunkBytes=4096", "ns", 400, 390, 420));
        assertThat(points.get(4)).isEqualTo(Point.of("writev api=writev batch=16", "ns", 30, 29, 31));
    }

    @Test
    void shouldReadAFileBackIntoTheRecordAndShowAMisfitGenerically() {
        AmortizeResult r = result();
        Result<?> read = ResultFormats.parse(Trees.of(r));
        assertThat(read.format()).isInstanceOf(AmortizeFormat.class);
        assertThat(read.record()).isEqualTo(r);
        assertThat(read.header().warnings()).containsExactly("a warning");
        ObjectNode misfit = (ObjectNode) Trees.of(r);
        misfit.put("targets", "not a list");
        assertThat(ResultFormats.parse(misfit).format()).isInstanceOf(GenericFormat.class);
    }
}
