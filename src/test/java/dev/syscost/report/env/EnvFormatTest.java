package dev.syscost.report.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.env.EnvResult;
import dev.syscost.report.Fixtures;
import dev.syscost.report.HtmlReport;
import dev.syscost.report.ResultFormats;
import dev.syscost.report.format.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An env file reaches the room as its record; its summary table holds the terminal's lines, split into item and value. */
class EnvFormatTest {
    @Test
    void shouldSplitEachSummaryLineAtTheSpacesAfterItsLabel() {
        Result<?> r = ResultFormats.parse(Fixtures.result("env.json"));
        assertThat(r.format()).isInstanceOf(EnvFormat.class);
        EnvResult env = (EnvResult) r.record();
        JsonNode section = HtmlReport.model(List.of(r), List.of("env.json")).path("sections").get(0);
        JsonNode summary = section.path("blocks").get(0);
        assertThat(summary.path("title").asText()).isEqualTo("Summary");
        assertThat(summary.path("rows")).hasSameSizeAs(env.env().summaryLines());
        assertThat(summary.path("rows").get(0).get(0).asText()).isEqualTo("kernel");
        assertThat(env.env().summaryLines().get(0)).isEqualTo("kernel   " + summary.path("rows").get(0).get(1).asText());
        assertThat(summary.path("rows").get(3).get(0).asText()).isEqualTo("syscall");
        assertThat(r.points()).isEmpty();
    }
}
