package dev.syscost.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's data and page without a browser (the browser test renders them). */
class HtmlReportTest {
    @Test
    void shouldKeepTheDataIslandClosedWhateverTheStrings() throws Exception {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        String hostile = "</script><script>alert(1)</script><!-- \u2028 & <b>";
        node.put("s", hostile);
        String safe = HtmlReport.safeJson(node);
        assertThat(safe).doesNotContain("<", ">", "&", "\u2028");
        assertThat(Json.MAPPER.readTree(safe).path("s").asText()).isEqualTo(hostile);
    }

    @Test
    void shouldInlineTheLibraryAndDataAndFetchNothing() {
        String page = HtmlReport.render(ResultFormats.parseAll(List.of(Fixtures.result("measure-a.json"))), List.of(""));
        assertThat(page).startsWith("<!doctype html>");
        assertThat(page).contains("Content-Security-Policy", "default-src 'none'", "echarts");
        assertThat(page).doesNotContain("<script src", "<link", "@import", "/*@DATA@*/", "/*@CHARTING_LIBRARY@*/");
        assertThat(page).containsOnlyOnce("<script type=\"application/json\" id=\"syscost-data\">");
        assertThat(ChartLibrary.library()).hasSizeGreaterThan(500_000);
    }

    @Test
    void shouldDispatchOnSchemaAndFallBackToJsonForUnknownOnes() {
        assertThat(ResultFormats.parse(Fixtures.result("measure-a.json")).title()).contains("measure");
        JsonNode unknown = Fixtures.result("unknown-schema.json");
        ObjectNode section = HtmlReport.section(ResultFormats.parse(unknown), "u.json").toNode();
        assertThat(section.path("blocks").findValuesAsText("kind")).contains("json");
        assertThat(section.path("warnings").toString()).contains("from the future");
    }

    @Test
    void shouldShowAResultWhoseShapeBreaksItsViewAsJson() {
        ObjectNode odd = (ObjectNode) Fixtures.result("measure-a.json");
        odd.put("probes", "not an array");
        odd.putArray("decomposition");
        ObjectNode section = HtmlReport.section(ResultFormats.parse(odd), "odd.json").toNode();
        assertThat(section.path("blocks")).isNotEmpty();
    }

    @Test
    void shouldMatchTheGoldenPageModelOfAMeasureRun() {
        Fixtures.assertGolden("measure-a.report-model.json",
                Json.toJson(HtmlReport.model(ResultFormats.parseAll(List.of(Fixtures.result("measure-a.json"))), List.of("measure-a.json"))));
    }
}
