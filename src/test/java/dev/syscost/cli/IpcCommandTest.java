package dev.syscost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpcCommandTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @AfterEach
    void shouldLeaveNoChildProcess() {
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    private void assertUsageError(int code, String message) {
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("syscost: " + message).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void shouldRejectUnknownTransportInOneLine() {
        assertUsageError(run("ipc", "--transports", "pipe,smoke_signal"),
                "unknown transport 'smoke_signal'; choose from pipe, unix_stream, tcp_loopback, shm_eventfd, shm_futex, shm_spin");
    }

    @Test
    void shouldRejectSizesOutOfRange() {
        assertUsageError(run("ipc", "--sizes", "0"), "--sizes must be between 8 and 1048576: 0");
    }

    @Test
    void shouldRejectSizeAboveOneGiB() {
        assertUsageError(run("ipc", "--sizes", "64,2048m"), "--sizes must be between 8 and 1048576: 2147483648");
    }

    @Test
    void shouldRejectBadMessagesAndPlacement() {
        assertUsageError(run("ipc", "--messages", "5"), "--messages must be between 10 and 10000000: 5");
    }

    @Test
    void shouldRejectUnknownPlacement() {
        assertUsageError(run("ipc", "--placement", "diagonal"), "--placement must be 'different' or 'same': diagonal");
    }

    @Test
    void shouldRejectMissingTmpdirUnderEitherName() {
        assertUsageError(run("ipc", "--tmpdir", temp.resolve("nope").toString()),
                "--tmpdir " + temp.resolve("nope") + " is not a directory");
        err.getBuffer().setLength(0);
        assertUsageError(run("ipc", "--temp-dir", temp.resolve("nope").toString()),
                "--tmpdir " + temp.resolve("nope") + " is not a directory");
    }

    @Test
    void shouldWordABadSizeAsTheOptionAndItsRule() {
        assertUsageError(run("ipc", "--sizes", "64,4x"), "--sizes: '4x' is not a size; write bytes with an optional K, M or G"
                + " suffix (1024-based), e.g. 64, 4K, 4KiB or 1M");
        err.getBuffer().setLength(0);
        assertUsageError(run("ipc", "--sizes", "4KB,2m"), "--sizes must be between 8 and 1048576: 2097152");
    }

    @Test
    void shouldNotOverwriteJsonWithoutForce() throws IOException {
        Path json = Files.writeString(temp.resolve("mine.json"), "precious");
        assertUsageError(run("ipc", "--quick", "--json", json.toString()), "--json " + json + " already exists");
        assertThat(Files.readString(json)).isEqualTo("precious");
    }

    @Test
    void shouldHideThePeerCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("ipc").doesNotContain("__ipc-peer");
    }

    @Test
    void shouldPrintTableAndWriteJson() throws IOException {
        Path json = temp.resolve("ipc.json");
        Path dir = Files.createDirectory(temp.resolve("work"));
        int code = run("ipc", "--quick", "--transports", "pipe,shm_spin", "--sizes", "64", "--messages", "50",
                "--trials", "1", "--temp-dir", dir.toString(), "--json", json.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("p99.9").contains("pipe").contains("64 B").contains("placement:");
        JsonNode root = Json.readResult(json);
        assertThat(root.path("schema").asText()).isEqualTo("syscost.ipc/1");
        JsonNode pipe = root.path("transports").get(0);
        assertThat(pipe.path("name").asText()).isEqualTo("pipe");
        assertThat(pipe.path("p50Ns").isIntegralNumber()).isTrue();
        assertThat(pipe.path("p99Ns").asLong()).isGreaterThanOrEqualTo(pipe.path("p50Ns").asLong());
        assertThat(pipe.has("p999Ns")).isTrue();
        assertThat(pipe.path("messageBytes").asInt()).isEqualTo(64);
        assertThat(pipe.has("throughputMsgsPerSec") && pipe.has("throughputMBPerSec")
                && pipe.has("kernelEntriesPerMessage") && pipe.has("placement")).isTrue();
        try (var left = Files.list(dir)) {
            assertThat(left.toList()).isEmpty();
        }
    }
}
