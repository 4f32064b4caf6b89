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

/** {@code syscost env} end to end on this machine: the report, --json, and refusing to clobber. */
class EnvCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void shouldPrintTheReportAndWriteSchemaEnv1(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("env.json");
        assertThat(run("env", "--json", json.toString())).isZero();
        assertThat(out.toString()).contains("Machine", "CPU vulnerabilities", "on path?", "Observability", "Warnings");
        JsonNode tree = Json.readResult(json);
        assertThat(tree.path("schema").asText()).isEqualTo("syscost.env/1");
        assertThat(tree.path("env").path("kernel").path("release").asText()).isEqualTo(System.getProperty("os.version"));
        assertThat(tree.path("warnings").isArray()).isTrue();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldRefuseToOverwriteWithoutForce(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("env.json");
        Files.writeString(json, "mine");
        assertThat(run("env", "--json", json.toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("already exists").contains("--force").doesNotContain("Exception");
        assertThat(out.toString()).as("refused before detecting anything").isEmpty();
        assertThat(Files.readString(json)).isEqualTo("mine");
        assertThat(run("env", "--json", json.toString(), "--force")).isZero();
        assertThat(Files.readString(json)).contains("syscost.env/1");
    }

    @Test
    void shouldNameTheFixForAMissingDirectory(@TempDir Path dir) {
        assertThat(run("env", "--json", dir.resolve("no/such/env.json").toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void shouldRejectUnknownOptions() {
        assertThat(run("env", "--bogus")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("--bogus");
    }
}
