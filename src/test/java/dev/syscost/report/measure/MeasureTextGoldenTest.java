package dev.syscost.report.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.bench.MeasureResult;
import dev.syscost.report.Fixtures;
import dev.syscost.report.Json;
import dev.syscost.report.OpenMetrics;
import org.junit.jupiter.api.Test;

/** The lead's terminal table and the JSON of measure, from a recorded run (seeded data, fixed locale). */
class MeasureTextGoldenTest {
    @Test
    void shouldRenderARecordedRunAsTheGoldenTextAndJson() throws Exception {
        MeasureResult result = Json.MAPPER.treeToValue(Fixtures.result("real/measure-quick.json"), MeasureResult.class);
        assertThat(result.probes()).hasSize(11);
        Fixtures.assertGolden("measure-quick.txt", MeasureText.render(result));
        Fixtures.assertGolden("measure-quick.json", Json.toJson(result));
        Fixtures.assertGolden("measure-quick.openmetrics.txt", OpenMetrics.renderResult(result));
    }
}
