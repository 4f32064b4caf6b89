package dev.syscost.cli;

import static dev.syscost.cli.CliTest.assertOneLineUsageError;
import static dev.syscost.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.report.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code syscost report} and {@code syscost compare} from the command line: outputs and bad input. */
class ReportCliTest {
    static final String FIXTURES = "src/test/resources/dev/syscost/report/";

    @Test
    void shouldWriteOneHtmlFileFromSeveralResults(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("r.html");
        CliTest.Run r = run("report", FIXTURES + "measure-a.json", FIXTURES + "ipc.json", "--html", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + html, "2 results");
        String page = Files.readString(html);
        assertThat(page).contains("echarts", "syscost-data").doesNotContain("<script src", "<link");
    }

    @Test
    void shouldRefuseToOverwriteAReportWithoutForce(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("r.html");
        Files.writeString(html, "precious");
        assertOneLineUsageError(run("report", FIXTURES + "measure-a.json", "--html", html.toString()), "already exists", "--force");
        assertThat(Files.readString(html)).isEqualTo("precious");
        assertThat(run("report", FIXTURES + "measure-a.json", "--html", html.toString(), "--force").code()).isZero();
    }

    @Test
    void shouldRefuseMissingAndMalformedInputsInOneLine(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("r.html");
        assertOneLineUsageError(run("report", dir.resolve("nope.json").toString(), "--html", html.toString()), "no such file");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schema\": ");
        assertOneLineUsageError(run("report", bad.toString(), "--html", html.toString()), "malformed JSON");
        assertOneLineUsageError(run("compare", bad.toString(), FIXTURES + "measure-a.json"), "malformed JSON");
        assertOneLineUsageError(run("report", FIXTURES + "measure-a.json"), "--html");
        assertThat(html).doesNotExist();
    }

    @Test
    void shouldCompareTwoRunsAndWriteTheComparisonAsJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("c.json");
        CliTest.Run r = run("compare", FIXTURES + "measure-a.json", FIXTURES + "measure-b.json", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("getppid", "B slower, beyond spread", "Environment differs");
        assertThat(Json.readResult(json).path("schema").asText()).isEqualTo("syscost.compare/1");
    }

    @Test
    void shouldWriteBothRunsOfACompareAsOneHtmlReport(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("c.html");
        CliTest.Run r = run("compare", FIXTURES + "measure-a.json", FIXTURES + "measure-b.json", "--html", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(java.nio.file.Files.readString(html)).contains("measure-a.json", "measure-b.json", "<html");
        assertOneLineUsageError(run("compare", FIXTURES + "measure-a.json", FIXTURES + "measure-b.json", "--html",
                html.toString()), "already exists", "--force");
    }

    @Test
    void shouldRefuseToCompareResultsOfDifferentCommands() {
        assertOneLineUsageError(run("compare", FIXTURES + "measure-a.json", FIXTURES + "amortize.json"),
                "syscost.measure/1", "syscost.amortize/1", "same command");
    }
}
