package dev.syscost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.report.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static void assertOneLineUsageError(Run r, String... fragments) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("syscost: ").contains(fragments).doesNotContain("Exception", "\tat ");
    }

    @Test
    void shouldRefuseAnUnknownSubcommandInOneLine() {
        assertOneLineUsageError(run("mesure"), "mesure", "--help");
    }

    @Test
    void shouldRefuseAnUnknownOption() {
        assertOneLineUsageError(run("measure", "--bogus"), "--bogus");
    }

    @Test
    void shouldRefuseTrialsOutOfRangeNamingTheRule() {
        assertOneLineUsageError(run("--trials", "0"), "--trials must be between 1 and 1000: 0");
        assertOneLineUsageError(run("measure", "--trials", "1001"), "--trials must be between 1 and 1000: 1001");
    }

    @Test
    void shouldRefuseAnUnknownProbe() {
        assertOneLineUsageError(run("measure", "--probes", "getppid,nope"), "unknown probe 'nope'", "getppid");
    }

    @Test
    void shouldRefuseJsonIntoAMissingDirectory(@TempDir Path dir) {
        assertOneLineUsageError(run("measure", "--json", dir.resolve("no/such/out.json").toString()), "does not exist");
    }

    @Test
    void shouldRefuseToOverwriteAnExistingFileWithoutForce(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("old.json");
        Files.writeString(f, "precious");
        assertOneLineUsageError(run("measure", "--quick", "--json", f.toString()), "already exists", "--force");
        assertThat(Files.readString(f)).isEqualTo("precious");
    }

    @Test
    void shouldPrintTheVersionWithoutMeasuring() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("syscost ");
    }

    @Test
    void shouldWriteTheMeasureSchemaToJson(@TempDir Path dir) {
        Path f = dir.resolve("m.json");
        Run r = run("measure", "--trials", "3", "--probes", "java_call,ffm_downcall,getppid,invalid_syscall", "--json", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("getppid", "entry_exit_floor");
        JsonNode n = Json.readResult(f);
        assertThat(n.path("schema").asText()).isEqualTo("syscost.measure/1");
        assertThat(n.has("env")).isTrue();
        JsonNode p = n.path("probes").get(0);
        for (String key : new String[] {"id", "medianNs", "p10Ns", "p90Ns", "ci95Ns", "trials", "callsPerTrial",
                "kernelEntriesPerCall"}) {
            assertThat(p.has(key)).as(key).isTrue();
        }
        assertThat(n.path("decomposition").has("entryExitFloorNs")).isTrue();
    }
}
