package dev.syscost.report.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.batch.ipc.IpcResult;
import dev.syscost.batch.ipc.TransportResult;
import dev.syscost.report.ResultFormats;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.Result;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Trees;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ipc room reads its percentiles, throughput and compare points from the record's own fields. */
class IpcFormatTest {
    private static IpcResult result() {
        TransportResult pipe = new TransportResult("pipe", 64, true, null, "m", "different-cores", 0, 1, 1000, 10_000L,
                20_000L, null, 5_000L, 90_000L, 0.2, 5000, 1e5, 8.0, 0.5, 2.0, 4.0, null);
        TransportResult spin = new TransportResult("shm_spin", 64, false, "spinning needs two CPUs", "m", "same-core",
                0, 0, 0, null, null, null, null, null, null, 0, null, null, null, null, null, null);
        return new IpcResult(IpcResult.SCHEMA, null, false, "different-cores", 0, 1, 5, 20000, 250, "L", "T", "K",
                List.of(pipe, spin), List.of());
    }

    @Test
    void shouldChartOnlyThePercentilesSomeTransportHas() {
        Section section = new Section(IpcResult.SCHEMA, "t", "s");
        new IpcFormat().html(result(), section);
        JsonNode percentiles = section.toNode().path("blocks").get(0);
        assertThat(percentiles.path("id").asText()).isEqualTo("ipc-percentiles");
        assertThat(percentiles.path("option").path("xAxis").path("data").toString()).contains("pipe 64 B", "shm_spin 64 B");
        assertThat(percentiles.path("option").path("series")).extracting(s -> s.path("name").asText())
                .containsExactly("p50", "p99");
    }

    @Test
    void shouldGiveTheP50AndThroughputTheirTrialSpreadAndSayWhyATransportIsMissing() {
        List<Point> points = new IpcFormat().points(result());
        assertThat(points).extracting(Point::id).containsExactly("pipe 64 B p50", "pipe 64 B p99", "pipe 64 B throughput",
                "shm_spin 64 B p50");
        assertThat(points.get(0)).isEqualTo(Point.of("pipe 64 B p50", "ns", 10_000, 9_000, 11_000));
        assertThat(points.get(1)).isEqualTo(Point.of("pipe 64 B p99", "ns", 20_000, 20_000, 20_000));
        assertThat(points.get(2)).isEqualTo(Point.of("pipe 64 B throughput", "MB/s", 8.0, 6.0, 10.0));
        assertThat(points.get(3)).isEqualTo(Point.unavailable("shm_spin 64 B p50", "ns", "spinning needs two CPUs"));
    }

    @Test
    void shouldReadAFileBackIntoTheSameRecord() {
        IpcResult r = result();
        Result<?> read = ResultFormats.parse(Trees.of(r));
        assertThat(read.format()).isInstanceOf(IpcFormat.class);
        assertThat(read.record()).isEqualTo(r);
        assertThat(read.points()).isEqualTo(new IpcFormat().points(r));
    }
}
