package dev.syscost.report.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syscost.UsageException;
import dev.syscost.bench.MeasureResult;
import dev.syscost.report.Compare;
import dev.syscost.report.Fixtures;
import dev.syscost.report.HtmlReport;
import dev.syscost.report.ResultFormats;
import dev.syscost.report.format.GenericFormat;
import dev.syscost.report.format.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A measure file reaches the room's views as its record; one that does not fit the record is shown, not compared. */
class MeasureFormatTest {
    @Test
    void shouldParseAMeasureFileIntoItsRecord() {
        Result<?> r = ResultFormats.parse(Fixtures.result("real/measure-aa-a.json"));
        assertThat(r.format()).isInstanceOf(MeasureFormat.class);
        assertThat(r.record()).isInstanceOf(MeasureResult.class);
        assertThat(r.header().envLines()).first().asString().startsWith("kernel   6.18.44-fc-v782");
        assertThat(r.header().startedAt()).isEqualTo("2026-11-30T19:07:05.931277490Z");
        assertThat(r.header().envWarnings()).as("the record's warnings already hold them").isEmpty();
    }

    @Test
    void shouldShowAFileWhoseFieldsDoNotFitAsJsonAndRefuseToCompareItInOneLine() {
        ObjectNode odd = (ObjectNode) Fixtures.result("measure-a.json");
        odd.put("probes", "not an array");
        Result<?> r = ResultFormats.parse(odd);
        assertThat(r.format()).isInstanceOf(GenericFormat.class);
        assertThat(section(r, "odd.json").path("blocks").findValuesAsText("kind")).contains("json");
        JsonNode good = Fixtures.result("measure-a.json");
        assertThatThrownBy(() -> Compare.compare(good, "a.json", odd, "odd.json")).isInstanceOf(UsageException.class)
                .hasMessageContaining("odd.json: its fields do not fit syscost.measure/1").hasMessageNotContaining("\n");
    }

    @Test
    void shouldShowAFileWithAPartialEnvironmentWithoutFailing() {
        ObjectNode partial = (ObjectNode) Fixtures.result("measure-a.json");
        partial.putObject("env").putObject("kernel").put("release", "6.8.0");
        Result<?> r = ResultFormats.parse(partial);
        assertThat(section(r, "partial.json").path("blocks")).isNotEmpty();
        assertThat(Compare.compare(partial, "a.json", partial, "b.json").points()).isNotEmpty();
    }

    private static JsonNode section(Result<?> r, String file) {
        return HtmlReport.model(List.of(r), List.of(file)).path("sections").get(0);
    }
}
