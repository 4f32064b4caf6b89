package dev.syscost.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.bench.MeasureResult;
import dev.syscost.report.Fixtures;
import dev.syscost.report.OpenMetrics;
import dev.syscost.report.format.Trees;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What serve exposes for its latest measurement is, byte for byte, that result's {@code --format openmetrics}. */
class ServeCollectorTest {
    private static final Pattern OWN = Pattern.compile("^(# (TYPE|HELP) )?syscost_serve_");

    @Test
    void shouldExposeTheLatestMeasurementAsItsGoldenOpenMetricsFamilies() throws Exception {
        MeasureResult result = Trees.READER.treeToValue(Fixtures.result("measure-a.json"), MeasureResult.class);
        ServeCollector collector = new ServeCollector();
        collector.measured(result, 0.5, 300, 49.5);
        String exposed = OpenMetrics.write(collector.collect());
        assertThat(exposed).contains("syscost_serve_measure_runs_total 1.0");
        assertThat(withoutServeFamilies(exposed)).isEqualTo(Fixtures.text("golden/recorded/measure-a.openmetrics.txt"));
    }

    /** The exposition without serve's own families (the writer sorts families by name, so they interleave). */
    private static String withoutServeFamilies(String exposition) {
        return exposition.lines().filter(l -> !OWN.matcher(l).find()).map(l -> l + "\n").collect(Collectors.joining());
    }

    @Test
    void shouldExposeNoMeasureFamiliesBeforeTheFirstRun() {
        String exposed = OpenMetrics.write(new ServeCollector().collect());
        assertThat(exposed).doesNotContain("syscost_probe_").contains("syscost_serve_measure_runs_total 0.0");
    }
}
