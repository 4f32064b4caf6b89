package dev.syscost.report.top;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.report.Fixtures;
import dev.syscost.report.HtmlReport;
import dev.syscost.report.Json;
import dev.syscost.report.ResultFormats;
import dev.syscost.report.format.Result;
import dev.syscost.top.TopSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopFormatTest {
    @Test
    void shouldReadASavedSnapshotBackIntoItsRecordAndShowItAsTopDoes() {
        TopSnapshot s = TopScreenTest.seeded(0);
        Result<?> back = ResultFormats.parse(Json.MAPPER.valueToTree(s));
        assertThat(back.format()).isInstanceOf(TopFormat.class);
        assertThat(back.record()).isEqualTo(s);
        assertThat(back.text()).isEqualTo(TopScreen.text(s, TopScreen.Sort.RATE, 40));
    }

    @Test
    void shouldDrawTheProcessesAndHostTablesInTheReport() {
        Result<?> r = ResultFormats.of(TopScreenTest.seeded(3));
        Fixtures.assertGolden("recorded/seeded-top.report-model.json",
                Json.toJson(HtmlReport.model(List.of(r), List.of("top.json"))));
        assertThat(r.points()).extracting(p -> p.id()).startsWith("host syscalls/s");
    }
}
