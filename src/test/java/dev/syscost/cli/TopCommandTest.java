package dev.syscost.cli;

import static dev.syscost.cli.CliTest.assertOneLineUsageError;
import static dev.syscost.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.profile.Calibration;
import dev.syscost.profile.Workloads;
import dev.syscost.profile.NodeCounter;
import dev.syscost.report.Json;
import dev.syscost.sys.NativeException;
import dev.syscost.sys.PerfEvents;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code syscost top}: one-shot snapshots against known workloads, the forced map-full and no-bpf paths, bad input. */
class TopCommandTest {
    @TempDir
    static Path cache;

    /** A calibration in a private cache, so top prices without measuring. */
    @BeforeAll
    static void seedCalibration() {
        System.setProperty(Calibration.CACHE_DIR_PROPERTY, cache.toString());
        Calibration.forThisMachine("test seed", 10, Map.of("invalid_syscall", 100.0, "getppid", 120.0,
                "read_1b_dev_zero", 200.0, "write_1b_dev_null", 150.0)).save(Calibration.cacheFile());
    }

    @AfterAll
    static void clear() {
        System.clearProperty(Calibration.CACHE_DIR_PROPERTY);
    }

    static void assumeBpf() {
        String why = null;
        try (NodeCounter c = NodeCounter.open(16)) {
            c.read();
        } catch (NativeException e) {
            why = e.getMessage();
        }
        if (why != null) {
            System.out.println("SKIP (eBPF unavailable): " + why);
        }
        assumeTrue(why == null, why);
    }

    @Test
    void shouldRefuseBadIntervalsInOneLine() {
        assertOneLineUsageError(run("top", "--interval", "0"), "--interval must be between 10ms and 1h: 0");
        assertOneLineUsageError(run("top", "--interval", "soon"), "--interval must be a duration");
        assertOneLineUsageError(run("top", "--sort", "size"), "--sort");
        assertOneLineUsageError(run("serve", "--node", "--top-k", "0"), "--top-k must be between 1 and 1000: 0");
    }

    @Test
    void shouldParseIntervals() {
        assertThat(TopCommand.parseInterval("1")).isEqualTo(1.0);
        assertThat(TopCommand.parseInterval("0.5s")).isEqualTo(0.5);
        assertThat(TopCommand.parseInterval("250ms")).isEqualTo(0.25);
        assertThat(TopCommand.parseInterval("2m")).isEqualTo(120.0);
    }

    @Test
    void shouldFindAKnownWorkloadWithItsRateWithinFivePercent(@TempDir Path dir) throws Exception {
        assumeBpf();
        long calls = 300_000;
        Path json = dir.resolve("top.json");
        PipedWriter pipe = new PipedWriter();
        PipedReader started = new PipedReader(pipe, 1 << 12);
        StringWriter out = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread top = Thread.ofPlatform().start(() -> code.set(Main.run(new String[] {"top", "--once", "--interval", "10s",
                "--json", json.toString()}, new PrintWriter(out, true), new PrintWriter(pipe, true))));
        // the baseline is read before top says it is counting: the child's every call falls in the interval
        StringBuilder said = new StringBuilder();
        while (!said.toString().contains("counting every process")) {
            said.append((char) started.read());
        }
        Process child = new ProcessBuilder(Workloads.workload("getppid", calls)).inheritIO().start();
        assertThat(child.waitFor(8, TimeUnit.SECONDS)).as("the workload finished inside top's 10 s interval").isTrue();
        top.join(60_000);
        assertThat(code.get()).as(out.toString()).isZero();
        JsonNode r = Json.MAPPER.readTree(json.toFile());
        assertThat(r.path("schema").asText()).isEqualTo("syscost.top/1");
        JsonNode row = process(r, child.pid());
        assertThat(row).as("pid %d in %s", child.pid(), out).isNotNull();
        double expected = calls / r.path("intervalSeconds").asDouble();
        double getppid = 0;
        for (JsonNode s : row.path("syscalls")) {
            if (s.path("name").asText().equals("getppid")) {
                getppid = s.path("perSecond").asDouble();
            }
        }
        assertThat(getppid).isCloseTo(expected, within(0.05 * expected));
        assertThat(row.path("syscallsPerSecond").asDouble()).isGreaterThanOrEqualTo(getppid);
        assertThat(row.path("taxShare").asDouble()).isPositive();
        assertThat(row.path("comm").asText()).isNotBlank();
        assertThat(out.toString()).contains("syscost top - over", "entry floor", "counted: eBPF on raw_syscalls:sys_enter");
    }

    @Test
    void shouldReportProcessesNotShownWhenTheMapIsFull(@TempDir Path dir) throws Exception {
        assumeBpf();
        Path json = dir.resolve("top.json");
        System.setProperty(NodeCounter.MAX_ENTRIES_PROPERTY, "2");
        CliTest.Run r;
        try {
            Thread.ofPlatform().start(() -> spawn(20));
            r = run("top", "--once", "--interval", "1s", "--json", json.toString());
        } finally {
            System.clearProperty(NodeCounter.MAX_ENTRIES_PROPERTY);
        }
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(json.toFile());
        assertThat(j.path("mapMaxEntries").asInt()).isEqualTo(2);
        assertThat(j.path("notShownProcesses").asInt()).isPositive();
        assertThat(j.path("notShownSyscallsPerSecond").asDouble()).isPositive();
        assertThat(r.out()).containsPattern("\\d+ processes not shown: the map of 2 \\(process, syscall\\) pairs is full");
    }

    @Test
    void shouldFallBackToProcIoWhenBpfIsRefused(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("top.json");
        System.setProperty(PerfEvents.DISABLE_PROPERTY, "true");
        CliTest.Run r;
        try {
            r = run("top", "--once", "--interval", "300ms", "--json", json.toString());
        } finally {
            System.clearProperty(PerfEvents.DISABLE_PROPERTY);
        }
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("needs root or CAP_BPF+CAP_PERFMON", "falling back to /proc/PID/io");
        JsonNode j = Json.MAPPER.readTree(json.toFile());
        assertThat(j.path("source").asText()).contains("/proc/PID/io");
        assertThat(j.path("limits")).isNotEmpty();
        assertThat(r.out()).contains("limits: bpf not permitted");
    }

    private static JsonNode process(JsonNode r, long pid) {
        for (JsonNode p : r.path("processes")) {
            if (p.path("pid").asLong() == pid) {
                return p;
            }
        }
        return null;
    }

    private static void spawn(int n) {
        try {
            for (int i = 0; i < n; i++) {
                new ProcessBuilder("/bin/true").start().waitFor();
                Thread.sleep(20);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
