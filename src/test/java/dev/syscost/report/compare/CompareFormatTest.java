package dev.syscost.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.report.Compare;
import dev.syscost.report.Fixtures;
import dev.syscost.report.HtmlReport;
import dev.syscost.report.Json;
import dev.syscost.report.ResultFormats;
import dev.syscost.report.format.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareFormatTest {
    private static Comparison measured() {
        return Compare.compare(Fixtures.result("measure-a.json"), "measure-a.json", Fixtures.result("measure-b.json"),
                "measure-b.json");
    }

    @Test
    void shouldReadASavedComparisonBackIntoItsRecord() {
        Comparison c = measured();
        Result<?> back = ResultFormats.parse(Json.MAPPER.valueToTree(c));
        assertThat(back.format()).isInstanceOf(CompareFormat.class);
        assertThat(Json.toJson(back.record())).isEqualTo(Json.toJson(c));
        assertThat(back.text()).isEqualTo(CompareText.render(c));
    }

    @Test
    void shouldShowASavedComparisonAsItsFiguresNotAsRawJson() {
        Result<?> r = ResultFormats.of(measured());
        String model = Json.toJson(HtmlReport.model(List.of(r), List.of("c.json")));
        assertThat(model).contains("\"Figures\"").doesNotContain("no dedicated view");
        Fixtures.assertGolden("recorded/compare-measure.report-model.json", model);
    }
}
