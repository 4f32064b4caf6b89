package dev.syscost.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syscost.UsageException;
import dev.syscost.bench.MeasureResult;
import dev.syscost.report.format.GenericFormat;
import dev.syscost.report.format.Result;
import dev.syscost.report.measure.MeasureFormat;
import org.junit.jupiter.api.Test;

class ResultFormatsTest {
    private static Result<?> parse(String json) throws Exception {
        return ResultFormats.parse(Json.MAPPER.readTree(json));
    }

    @Test
    void shouldParseAFileIntoItsKindsRecordAndARecordToTheSameFormat() throws Exception {
        Result<?> fromFile = ResultFormats.parse(Fixtures.result("real/measure-quick.json"));
        assertThat(fromFile.format()).isInstanceOf(MeasureFormat.class);
        assertThat(fromFile.record()).isInstanceOf(MeasureResult.class);
        assertThat(ResultFormats.of(fromFile.record()).format()).isSameAs(fromFile.format());
    }

    @Test
    void shouldShowAnUnknownSchemaGenerically() throws Exception {
        Result<?> r = parse("{\"schema\":\"syscost.future/9\",\"valueNs\":3}");
        assertThat(r.format()).isInstanceOf(GenericFormat.class);
        assertThat(((GenericFormat) r.format()).problem()).isNull();
        assertThat(r.points()).extracting(p -> p.id()).containsExactly("valueNs");
    }

    @Test
    void shouldNameTheMisfitFieldAndTheKindOfValueExpectedInFileTerms() throws Exception {
        Result<?> r = parse("{\"schema\":\"syscost.measure/1\",\"probes\":[{\"id\":\"a\",\"medianNs\":\"fast\"}]}");
        assertThat(((GenericFormat) r.format()).problem())
                .isEqualTo("\"probes[0].medianNs\" holds a value of the wrong kind (a number expected)");
        assertThatThrownBy(() -> Compare.compare(r, "bad.json", r, "bad.json")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("bad.json: its fields do not fit syscost.measure/1 (\"probes[0].medianNs\"")
                .hasMessageNotContaining("dev.syscost");
    }
}
