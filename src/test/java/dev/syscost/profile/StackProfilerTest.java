package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.syscost.profile.stacks.CallStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile --stacks} for real: a C program and a Java program with known call sites. */
class StackProfilerTest {
    private static final String PROGRAM = """
            #include <time.h>
            #include <unistd.h>
            #include <sys/syscall.h>
            /* the direct caller of libc's frameless syscall() is skipped by any frame-pointer walk: one level between */
            __attribute__((noinline)) static long call(void) { return syscall(SYS_getppid); }
            __attribute__((noinline)) void three_thousand(void) { for (int i = 0; i < 3000; i++) call(); }
            __attribute__((noinline)) void five_thousand(void) { for (int i = 0; i < 5000; i++) call(); }
            /* live a second before the calls: syscost reads the maps of a running process, and a loaded machine may be slow to */
            int main(void) { struct timespec s = {1, 0}; nanosleep(&s, 0); three_thousand(); five_thousand(); return 0; }
            """;

    @TempDir
    static Path dir;
    static Path program;

    @BeforeAll
    static void build() throws IOException, InterruptedException {
        Workloads.assumeBpf();
        Path gcc = Path.of("/usr/bin/gcc");
        assumeTrue(Files.isExecutable(gcc), "no C compiler at /usr/bin/gcc to build the native workload");
        Path src = Files.writeString(dir.resolve("sites.c"), PROGRAM);
        program = dir.resolve("sites");
        Process p = new ProcessBuilder(gcc.toString(), "-O1", "-fno-omit-frame-pointer", "-o", program.toString(), src.toString())
                .inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(p.exitValue() == 0, "gcc could not build the native workload");
    }

    private static ProfileRun.Options stacks(StackProfiler.Options o) {
        return new ProfileRun.Options(Backend.BPF, false, null, o);
    }

    private static long bySite(Measurement m, String syscall, String site) {
        return m.stacks().stacks().stream().filter(s -> s.syscall().equals(syscall) && s.site().symbol().equals(site))
                .mapToLong(CallStack::count).sum();
    }

    private static long of(Measurement m, String syscall) {
        return m.stacks().stacks().stream().filter(s -> s.syscall().equals(syscall)).mapToLong(CallStack::count).sum();
    }

    @Test
    void shouldCountEachNativeFunctionsCallsExactly() {
        Measurement m = ProfileRun.run(List.of(program.toString()), stacks(StackProfiler.Options.DEFAULT));
        assertThat(m.exitStatus()).isZero();
        assertThat(bySite(m, "getppid", "three_thousand")).isEqualTo(3000);
        assertThat(bySite(m, "getppid", "five_thousand")).isEqualTo(5000);
        assertThat(m.stacks().summary().exact()).isTrue();
        // the stacks account for every counted call
        assertThat(m.stacks().summary().callsWalked()).isEqualTo(m.counts().total());
        CallStack top = m.stacks().stacks().stream().filter(s -> s.syscall().equals("getppid")).findFirst().orElseThrow();
        assertThat(top.frames().get(0).module()).isEqualTo("libc.so.6");
        assertThat(top.frames()).extracting(f -> f.symbol()).contains("main");
        assertThat(top.truncated()).isFalse();
    }

    @Test
    void shouldReportAFullStackMapAndNeverDropACall() {
        Measurement m = ProfileRun.run(List.of(program.toString()), stacks(new StackProfiler.Options(1, 1, 65_536)));
        assertThat(m.stacks().summary().stackIdCollisions()).isPositive();
        assertThat(m.stacks().summary().exact()).isFalse();
        assertThat(of(m, "getppid")).isEqualTo(8000);
        assertThat(m.stacks().summary().notes()).anyMatch(n -> n.contains("stack map collisions"));
    }

    @Test
    void shouldCountCallsThatFindTheSiteMapFull() {
        Measurement m = ProfileRun.run(List.of(program.toString()), stacks(new StackProfiler.Options(1, 32_768, 4)));
        assertThat(m.stacks().summary().siteMapFull()).isPositive();
        assertThat(m.stacks().summary().callsWalked() + m.stacks().summary().siteMapFull()).isEqualTo(m.counts().total());
    }

    @Test
    void shouldEstimateWithAnIntervalWhenSampling() {
        Measurement m = ProfileRun.run(List.of(program.toString()), stacks(StackProfiler.Options.DEFAULT.withPeriod(10)));
        CallStack five = m.stacks().stacks().stream().filter(s -> s.syscall().equals("getppid") && s.site().symbol().equals("five_thousand"))
                .findFirst().orElseThrow();
        assertThat(five.exact()).isFalse();
        assertThat(five.countLow()).isLessThan(five.count());
        // within twice the 95 % half-width (about 4 sd): a false failure once in ~15,000 runs
        assertThat(Math.abs(five.count() - 5000)).isLessThanOrEqualTo(2 * (five.countHigh() - five.count()));
        assertThat(m.counts().count("getppid")).isEqualTo(8000); // the totals stay exact
    }

    @Test
    void shouldNameTheJavaMethodsThatMakeTheCalls() {
        int n = 1_000_000;
        String javaBin = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        Measurement m = ProfileRun.run(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                CallSitesWorkload.class.getName(), Integer.toString(n)), stacks(StackProfiler.Options.DEFAULT));
        assertThat(m.exitStatus()).isZero();
        long writes = bySite(m, "write", "dev.syscost.profile.CallSitesWorkload.tinyWrites");
        long sizes = bySite(m, "statx", "dev.syscost.profile.CallSitesWorkload.sizes")
                + bySite(m, "newfstatat", "dev.syscost.profile.CallSitesWorkload.sizes");
        assertThat(writes).isBetween((long) (0.9 * n), (long) n);
        assertThat(sizes).isBetween((long) (0.9 * n), (long) n);
        assertThat(m.stacks().summary().javaToolOptions()).contains("-XX:+PreserveFramePointer");
        assertThat(m.stacks().summary().namedJavaShare()).isGreaterThan(0.9);
    }
}
