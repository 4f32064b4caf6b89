package dev.syscost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code syscost amortize} through the real entry point: bad input, JSON, and Ctrl-C cleanup. */
class AmortizeCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private long entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--sizes=0", "--sizes=2g", "--sizes=1,1073741825", "--sizes=4q", "--targets=floppy",
            "--parts=everything", "--batch-target=nfs", "--trials=0", "--tmpdir=/nonexistent/dir", "--tmpdir=/proc/self"})
    void shouldRejectBadInputWithOneLineAndExitTwo(String arg) throws IOException {
        Run r = run("amortize", "--quick", "--tmpdir=" + tmp, arg);
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip()).startsWith("syscost: ").doesNotContain("\n").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(entries(tmp)).isZero();
    }

    @Test
    void shouldNameTheLimitsOfASize() {
        assertThat(run("amortize", "--sizes=0").err()).contains("--sizes must be between 1 and 1073741824: 0");
        assertThat(run("amortize", "--targets=floppy").err())
                .contains("unknown target 'floppy'; choose from devnull, pipe, file, socketpair, tcp");
    }

    @Test
    void shouldReadSizesWithTheSharedRuleAndTakeTheFormerTmpdirNameHidden() {
        AmortizeCommand c = new AmortizeCommand();
        new picocli.CommandLine(c).parseArgs("--sizes", "1, 4KiB,1m,1GB", "--temp-dir", tmp.toString());
        assertThat(c.config().sizesBytes()).containsExactly(1L, 4096L, 1L << 20, 1L << 30);
        assertThat(c.config().tmpdir()).isEqualTo(tmp);
        assertThat(run("amortize", "--help").out()).contains("--tmpdir").doesNotContain("--temp-dir");
        assertThat(run("amortize", "--sizes=4q").err()).startsWith("syscost: --sizes: '4q' is not a size; write bytes");
    }

    @Test
    void shouldWriteJsonWithABreakEvenEntryPerTarget() throws IOException {
        Path json = tmp.resolve("out.json");
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));
        Run r = run("amortize", "--quick", "--parts=sweep", "--sizes=1,4k,64k,256k", "--trials=3",
                "--targets=pipe,devnull", "--tmpdir=" + scratch, "--json=" + json);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Break-even").contains("pipe").contains("fit (least squares");
        JsonNode node = Json.readResult(json);
        assertThat(node.path("schema").asText()).isEqualTo("syscost.amortize/1");
        assertThat(node.path("breakEven").has("pipe")).isTrue();
        assertThat(node.path("breakEven").has("devnull")).isTrue();
        assertThat(node.path("targets").get(0).path("points").get(0).has("nsPerCall")).isTrue();
        assertThat(node.path("targets").get(0).path("fit").has("slopeNsPerByte")).isTrue();
        assertThat(entries(scratch)).isZero();
        Run again = run("amortize", "--quick", "--parts=sweep", "--sizes=1", "--json=" + json);
        assertThat(again.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(again.err()).contains("--force");
    }

    @Test
    void shouldRemoveTheTempFileOnCtrlC() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp", cp,
                "dev.syscost.cli.Main", "amortize", "--parts=sweep", "--targets=file,pipe", "--trials=200",
                "--tmpdir=" + tmp).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (entries(tmp) == 0 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(entries(tmp)).as("the run made its temp dir").isEqualTo(1);
            Thread.sleep(300);
            new ProcessBuilder("kill", dev.syscost.TestSignals.ctrlC(), Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(entries(tmp)).as("temp dir removed after SIGINT").isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
