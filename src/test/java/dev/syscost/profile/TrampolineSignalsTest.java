package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syscost.TestSignals;
import dev.syscost.sys.Processes;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `syscost profile` in its own session and process group, sent real job-control and fatal signals: the
 * command's counts must survive Ctrl-Z/fg, and nothing syscost leaves behind may stay stopped.
 */
class TrampolineSignalsTest {
    private static final int BYTES = 200_000;

    @TempDir
    Path dir;

    @Test
    void shouldCountEverythingAcrossAStopAndContinueOfTheProcessGroup() throws Exception {
        Path json = dir.resolve("p.json");
        Process syscost = profile("--json", json.toString(), "--",
                "dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=" + BYTES);
        try {
            ProcessHandle dd = awaitDescendant(syscost, "dd");
            int group = (int) syscost.pid();
            Processes.kill(-group, Processes.SIGSTOP); // what Ctrl-Z does to the foreground job
            Thread.sleep(500);
            assertThat(dd.isAlive()).isTrue();
            Processes.kill(-group, Processes.SIGCONT); // fg
            assertThat(syscost.waitFor(120, TimeUnit.SECONDS)).as("profile finished after one SIGCONT").isTrue();
            assertThat(syscost.exitValue()).isZero();
            JsonNode io = new ObjectMapper().readTree(json.toFile()).path("io");
            assertThat(io.path("readCalls").asLong()).as("read calls after stop/continue").isGreaterThanOrEqualTo(BYTES);
            assertThat(io.path("writeCalls").asLong()).isGreaterThanOrEqualTo(BYTES);
        } finally {
            syscost.destroyForcibly();
        }
    }

    @Test
    void shouldLeaveNothingStoppedWhenSyscostIsKilled() throws Exception {
        Process syscost = profile("--", "sh", "-c", "sleep 2; exit 3");
        ProcessHandle sleep = awaitDescendant(syscost, "sleep");
        List<ProcessHandle> left = new ArrayList<>(syscost.descendants().toList());
        Processes.kill((int) syscost.pid(), Processes.SIGKILL);
        syscost.waitFor(10, TimeUnit.SECONDS);
        assertThat(sleep.onExit().get(20, TimeUnit.SECONDS)).isNotNull();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle p : left) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                assertThat(ProcStats.state((int) p.pid())).as("state of %s", p.pid()).isNotEqualTo('T');
                Thread.sleep(50);
            }
            assertThat(p.isAlive()).as("%s outlived syscost and its command", p.info().command()).isFalse();
        }
    }

    @Test
    void shouldForwardAHangUpToTheCommandAndStillReport() throws Exception {
        assumeThat(TestSignals.ignored(Processes.SIGHUP))
                .as("SIGHUP is ignored in this process tree (started under nohup?), so syscost would rightly ignore it too")
                .isFalse();
        Path json = dir.resolve("h.json");
        Process syscost = profile("--json", json.toString(), "--", "sleep", "60");
        ProcessHandle sleep = awaitDescendant(syscost, "sleep");
        Processes.kill((int) syscost.pid(), Processes.SIGHUP);
        assertThat(sleep.onExit().get(20, TimeUnit.SECONDS)).isNotNull();
        assertThat(syscost.waitFor(60, TimeUnit.SECONDS)).isTrue();
        JsonNode target = new ObjectMapper().readTree(json.toFile()).path("target");
        assertThat(target.path("exitStatus").asInt()).isEqualTo(128 + Processes.SIGHUP);
    }

    /** `setsid java … Main profile ARGS`: its own session, so group signals reach only it and its children. */
    private Process profile(String... args) throws Exception {
        assumeThat(Path.of("/usr/bin/setsid")).as("setsid (util-linux) is needed to give syscost its own process group")
                .satisfies(p -> assertThat(Files.isExecutable(p)).isTrue());
        List<String> argv = new ArrayList<>(List.of("/usr/bin/setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.syscost.cli.Main", "profile"));
        argv.addAll(List.of(args));
        return new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectInput(new File("/dev/null")).start();
    }

    private ProcessHandle awaitDescendant(Process p, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            for (ProcessHandle h : p.descendants().toList()) {
                if (h.info().command().map(c -> c.endsWith("/" + name)).orElse(false)) {
                    return h;
                }
            }
            assertThat(p.isAlive()).as("syscost exited early: %s", Files.readString(dir.resolve("out.txt"))).isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError(name + " never started under syscost: " + Files.readString(dir.resolve("out.txt")));
    }
}
