package dev.syscost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.profile.Calibration;
import dev.syscost.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCliTest {
    @TempDir
    static Path cache;

    /** A fresh calibration in a private cache, so no test waits for `measure`. */
    @BeforeAll
    static void seedCalibration() {
        System.setProperty(Calibration.CACHE_DIR_PROPERTY, cache.toString());
        new Calibration(calibrationKernel(), calibrationCpu(), java.time.Instant.now().toString(), "test seed", 10,
                Map.of("invalid_syscall", 100.0, "getppid", 120.0, "read_1b_dev_zero", 200.0, "write_1b_dev_null", 150.0),
                Map.of("bpf", 20.0, "perf", 40.0, "proc", 0.0)).save(Calibration.cacheFile());
    }

    @AfterAll
    static void clear() {
        System.clearProperty(Calibration.CACHE_DIR_PROPERTY);
    }

    private static String calibrationKernel() {
        return invoke("currentKernel");
    }

    private static String calibrationCpu() {
        return invoke("currentCpuModel");
    }

    private static String invoke(String name) {
        try {
            var m = Calibration.class.getDeclaredMethod(name);
            m.setAccessible(true);
            return (String) m.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRefuseNothingToProfile() {
        CliTest.assertOneLineUsageError(CliTest.run("profile"), "give a command after --");
    }

    @Test
    void shouldRefuseAZeroDuration() {
        CliTest.assertOneLineUsageError(CliTest.run("profile", "--pid", "1", "--duration", "0"), "--duration must be at least 1ms: 0");
        CliTest.assertOneLineUsageError(CliTest.run("profile", "--pid", "1", "--duration", "soon"), "--duration must be a time");
    }

    @Test
    void shouldSayAKernelThreadIsOneInsteadOfCountingNothing() throws Exception {
        int kthread = -1;
        try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                int pid = Integer.parseInt(p.getFileName().toString());
                if (dev.syscost.profile.ProcStats.isKernelThread(pid)) {
                    kthread = pid;
                    break;
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(kthread > 0, "no kernel thread visible in this pid namespace");
        CliTest.assertOneLineUsageError(CliTest.run("profile", "--pid", Integer.toString(kthread), "--duration", "100ms"),
                "--pid " + kthread + " is a kernel thread", "give a user-space process");
        assertExactly(CliTest.run("profile", "--pid", Integer.toString(kthread), "--duration", "100ms"), 2,
                "syscost: --pid " + kthread + " is a kernel thread (" + dev.syscost.profile.ProcStats.comm(kthread)
                        + "): it runs only in the kernel and makes no syscalls to count; give a user-space process");
    }

    @Test
    void shouldRefuseAGonePid() {
        CliTest.assertOneLineUsageError(CliTest.run("profile", "--pid", "2147483000"), "no such process");
    }

    /** The whole of stderr is this one line, stdout is empty, and the exit code is {@code code}. */
    private static void assertExactly(CliTest.Run r, int code, String line) {
        assertThat(r.err()).isEqualTo(line + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(r.code()).isEqualTo(code);
    }

    /** The profile package throws them in domain terms (pid …); the user still reads the flag's line of before. */
    @Test
    void shouldWordEveryRefusedPidAsTheSameOneLineAndExitCodeAsBefore() {
        assertExactly(CliTest.run("profile", "--pid", "0"), 2, "syscost: --pid must be a positive process id: 0");
        assertExactly(CliTest.run("profile", "--pid", "0", "--duration", "1s"), 2, "syscost: --pid must be a positive process id: 0");
        long self = ProcessHandle.current().pid();
        assertExactly(CliTest.run("profile", "--pid", Long.toString(self)), 2,
                "syscost: --pid " + self + " is syscost itself; give another process");
        assertExactly(CliTest.run("profile", "--pid", "2147483000", "--duration", "1s"), 2,
                "syscost: --pid 2147483000: no such process (it exited or never existed); check it with `ps -p 2147483000`");
    }

    /** Another user's process, refused by kill(pid, 0): a failed run (exit 1), not bad input. */
    @Test
    void shouldSayAnotherUsersProcessIsNotOursToProfile() throws IOException {
        int selfUid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        int initUid = (Integer) Files.getAttribute(Path.of("/proc/1"), "unix:uid");
        org.junit.jupiter.api.Assumptions.assumeTrue(selfUid != 0 && initUid != selfUid,
                "needs a non-root user and a pid 1 of another user (uid " + selfUid + ", pid 1's uid " + initUid + ")");
        assertExactly(CliTest.run("profile", "--pid", "1", "--duration", "1ms"), 1,
                "syscost: --pid 1: not ours to profile (EPERM); run syscost as root or as the process's owner");
    }

    @Test
    void shouldRefuseStacksWithABackendThatCannotWalkThem() {
        CliTest.assertOneLineUsageError(CliTest.run("profile", "--stacks", "--backend", "perf", "--", "true"), "--stacks needs --backend bpf");
        CliTest.assertOneLineUsageError(CliTest.run("profile", "--stacks", "--backend", "proc", "--", "true"), "--backend bpf");
    }

    @Test
    void shouldRefuseAZeroStackPeriodAndStackOptionsWithoutStacks() {
        CliTest.assertOneLineUsageError(CliTest.run("profile", "--stacks", "--stack-period", "0", "--", "true"),
                "--stack-period must be between 1 and 1000000: 0");
        CliTest.assertOneLineUsageError(CliTest.run("profile", "--folded", "x.folded", "--", "true"), "--folded applies to --stacks only");
    }

    @Test
    void shouldRefuseAnUnknownBackend() {
        CliTest.assertOneLineUsageError(CliTest.run("profile", "--backend", "dtrace", "--", "true"), "dtrace");
    }

    @Test
    void shouldExit127ForAMissingCommandAsAShellDoes() {
        CliTest.Run r = CliTest.run("profile", "--", "/no/such/program");
        assertThat(r.code()).isEqualTo(127);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("command not found");
        assertThat(CliTest.run("profile", "--", "no-such-program-anywhere").code()).isEqualTo(127);
    }

    @Test
    void shouldExit126ForAFileThatIsNotExecutable(@TempDir Path dir) throws IOException {
        Path f = Files.createFile(dir.resolve("script"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        CliTest.Run r = CliTest.run("profile", "--", f.toString());
        assertThat(r.code()).isEqualTo(126);
        assertThat(r.err()).contains("not executable").contains("chmod +x");
    }

    private static Process syscost(List<String> args, Path stdin, Path stdout, Path stderr) throws IOException {
        List<String> argv = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-D" + Calibration.CACHE_DIR_PROPERTY + "=" + cache,
                "-cp", System.getProperty("java.class.path"), "dev.syscost.cli.Main"));
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        return pb.start();
    }

    @Test
    void shouldPassStdioThroughByteForByteAndTheExitStatus(@TempDir Path dir) throws Exception {
        byte[] data = new byte[300_000];
        new Random(42).nextBytes(data);
        Path in = Files.write(dir.resolve("in"), data);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Path json = dir.resolve("p.json");
        Process p = syscost(List.of("profile", "--json", json.toString(), "--", "/bin/sh", "-c", "cat; exit 3"), in, out, err);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isEqualTo(3);
        assertThat(Files.readAllBytes(out)).isEqualTo(data);
        assertThat(Files.readString(err)).contains("syscost profile", "exit status 3");
        JsonNode n = Json.readResult(json);
        assertThat(n.path("schema").asText()).isEqualTo("syscost.profile/2");
        for (String key : new String[] {"env", "target", "backend", "wallSeconds", "userCpuSeconds", "systemCpuSeconds",
                "totalSyscalls", "syscallsPerSec", "syscalls", "tax", "advice", "warnings"}) {
            assertThat(n.has(key)).as(key).isTrue();
        }
        if (n.path("backend").path("name").asText().equals("bpf")) {
            JsonNode first = n.path("syscalls").get(0);
            for (String key : new String[] {"name", "count", "shareOfCalls", "ratePerSec", "costNsPerCall", "costSource"}) {
                assertThat(first.has(key)).as(key).isTrue();
            }
            assertThat(n.path("syscalls").findValuesAsText("name")).contains("execve", "exit_group"); // sh, then cat
            long sum = 0;
            for (JsonNode s : n.path("syscalls")) {
                sum += s.path("count").asLong();
            }
            assertThat(sum).isEqualTo(n.path("totalSyscalls").asLong());
        }
    }

    @Test
    void shouldForwardSigtermToTheCommandAndExit143(@TempDir Path dir) throws Exception {
        Path err = dir.resolve("err");
        Process p = syscost(List.of("profile", "--", "sleep", "60"), null, dir.resolve("out"), err);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.descendants().noneMatch(h -> h.info().command().orElse("").endsWith("sleep"))) {
            Thread.sleep(50);
        }
        assertThat(p.descendants().anyMatch(h -> h.info().command().orElse("").endsWith("sleep"))).as("sleep started").isTrue();
        p.destroy(); // SIGTERM to syscost itself
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isEqualTo(143);
        assertThat(Files.readString(err)).contains("exit status 143");
    }
}
