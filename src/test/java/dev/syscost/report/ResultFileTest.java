package dev.syscost.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syscost.UsageException;
import dev.syscost.report.format.Sanitize;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and odd result files: each refused in one line, fast, without a trace or an OOM. */
class ResultFileTest {
    @TempDir
    Path dir;

    private Path file(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    private static void assertRefused(Path p, String... fragments) {
        assertThatThrownBy(() -> ResultFile.read(p, ResultFile.DEFAULT_MAX_BYTES))
                .isInstanceOf(UsageException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments).doesNotContain("\n"));
    }

    @Test
    void shouldRefuseDeepNestingLongNumbersAndLongStrings() throws IOException {
        assertRefused(file("deep.json", "{\"schema\":\"syscost.measure/1\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"),
                "nesting depth");
        assertRefused(file("num.json", "{\"schema\":\"syscost.measure/1\",\"x\":1" + "0".repeat(100_000) + "}"),
                "Number value length");
        assertRefused(file("str.json", "{\"schema\":\"syscost.measure/1\",\"x\":\"" + "a".repeat(25_000_000) + "\"}"),
                "String value length");
    }

    @Test
    void shouldRefuseUnderflowInfinityAndNegativeCounts() throws IOException {
        assertRefused(file("tiny.json", "{\"schema\":\"syscost.measure/1\",\"medianNs\":1e-400}"), "too small", "read as 0");
        assertRefused(file("huge.json", "{\"schema\":\"syscost.measure/1\",\"medianNs\":1e400}"), "too large");
        assertRefused(file("neg.json", "{\"schema\":\"syscost.profile/1\",\"totalSyscalls\":-5}"), "cannot be negative");
        assertThat(ResultFile.read(file("ok.json", "{\"schema\":\"syscost.measure/1\",\"median\":-1.5,\"x\":0.0}"),
                ResultFile.DEFAULT_MAX_BYTES).path("median").asDouble()).isEqualTo(-1.5);
    }

    @Test
    void shouldRefuseAForeignSchema() throws IOException {
        assertRefused(file("other.json", "{\"schema\":\"other.tool/7\",\"x\":1}"), "not a syscost one");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldRefuseWhatIsNotARegularFileWithoutReadingIt() throws Exception {
        Path zero = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        assertRefused(zero, "not a regular file");
        Path fifo = dir.resolve("fifo.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertRefused(fifo, "not a regular file");
        assertRefused(Files.createDirectory(dir.resolve("d.json")), "is a directory");
    }

    @Test
    void shouldRefuseAFileOverTheLimitAndNameTheOption() throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(200L << 20); // sparse: no disk used
        }
        assertRefused(big, "200.0 MiB", "64 MiB", "--max-input-size");
        assertThatThrownBy(() -> ResultFile.read(file("small.json", "{\"schema\":\"syscost.measure/1\",\"pad\":\""
                + "x".repeat(2000) + "\"}"), 1024)).isInstanceOf(UsageException.class).hasMessageContaining("--max-input-size");
    }

    @Test
    void shouldNeverLetAnEscapeSequenceFromAFileReachTheTerminal() {
        assertThat(Sanitize.line("syscost.\u001b[31mevil\u0007/1\u202e")).isEqualTo("syscost.?[31mevil?/1?");
    }

    @Test
    void shouldRefuseAnHtmlReportTooLargeForABrowserToRender() {
        var big = Json.MAPPER.createObjectNode().put("schema", "syscost.future/1");
        for (int i = 0; i < 12; i++) {
            big.put("blob" + i, "x".repeat(1 << 20));
        }
        assertThatThrownBy(() -> HtmlReport.render(ResultFormats.parseAll(java.util.List.of(big)), java.util.List.of("")))
                .isInstanceOf(UsageException.class).hasMessageContaining("MiB a browser renders");
    }
}
