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

class IndirectCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void assertUsageError(String expected, String... args) {
        assertThat(run(args)).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString().strip()).isEqualTo("syscost: " + expected);
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void shouldRefuseAWorkingSetOutOfRange() {
        assertUsageError("--working-sets must be between 16384 and 67108864: 8192", "indirect", "--working-sets", "8K");
    }

    @Test
    void shouldRefuseAMalformedWorkingSetNamingTheRule() {
        assertUsageError("--working-sets: 'lots' is not a size; write bytes with an optional K, M or G suffix (1024-based),"
                + " e.g. 64, 4K, 4KiB or 1M; see `syscost indirect --help`", "indirect", "--working-sets", "16K,lots");
    }

    @Test
    void shouldReadWorkingSetsAndBudgetWithTheSharedRules() {
        IndirectCommand c = new IndirectCommand();
        new picocli.CommandLine(c).parseArgs("--working-sets", "16K, 256k,4M,32MiB,4M", "--budget", "2m");
        assertThat(c.config().workingSetsBytes()).containsExactly(16384L, 262144L, 4194304L, 33554432L);
        assertThat(c.config().budgetSec()).isEqualTo(120.0);
        new picocli.CommandLine(c).parseArgs("--budget", "6.5");
        assertThat(c.config().budgetSec()).isEqualTo(6.5);
    }

    @Test
    void shouldRefuseKOutOfRange() {
        assertUsageError("--k must be between 1 and 1048576: 0", "indirect", "--k", "1,0");
    }

    @Test
    void shouldRefuseAnUnknownDisturber() {
        assertUsageError("--disturbers: unknown disturber 'fork'; choose from getppid, pread_4k, sched_yield",
                "indirect", "--disturbers", "fork");
    }

    @Test
    void shouldRefuseToOverwriteAResultFileBeforeMeasuring(@TempDir Path dir) throws Exception {
        Path existing = Files.writeString(dir.resolve("old.json"), "{}");
        long t0 = System.nanoTime();
        assertThat(run("indirect", "--json", existing.toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("already exists; choose another name or add --force");
        assertThat(Files.readString(existing)).isEqualTo("{}");
        assertThat((System.nanoTime() - t0) / 1e9).as("refused before measuring").isLessThan(5);
    }

    @Test
    void shouldPrintTheGridAndWriteTheJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("indirect.json");
        int code = run("indirect", "--working-sets", "16K", "--k", "4,never", "--disturbers", "getppid", "--rounds", "6",
                "--run-ms", "0.5", "--budget", "1", "--json", json.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("getppid, chase: indirect ns per syscall").contains("PMU mode:")
                .contains("Summary:");
        JsonNode tree = Json.readResult(json);
        assertThat(tree.path("schema").asText()).isEqualTo("syscost.indirect/1");
        assertThat(tree.has("env")).isTrue();
        assertThat(tree.path("pmu").has("available")).isTrue();
        assertThat(tree.path("pmu").has("reason")).isTrue();
        assertThat(tree.path("cells").get(0).path("k").asInt()).isEqualTo(4);
        assertThat(tree.path("warnings").isArray()).isTrue();
    }
}
