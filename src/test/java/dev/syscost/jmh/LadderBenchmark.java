package dev.syscost.jmh;

import dev.syscost.bench.probe.ClockGettimeSyscallProbe;
import dev.syscost.bench.probe.FfmDowncallProbe;
import dev.syscost.bench.probe.GetppidProbe;
import dev.syscost.bench.probe.InvalidSyscallProbe;
import dev.syscost.bench.probe.JavaCallProbe;
import dev.syscost.bench.probe.VdsoClockGettimeProbe;
import dev.syscost.bench.Probe;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The ladder's probes under JMH, one call per invocation, as an independent check of syscost's own
 * harness (which times loops of many calls). Run by {@code bench/compare.sh}; not a test.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LadderBenchmark {
    private final Probe javaCall = new JavaCallProbe();
    private final Probe ffm = new FfmDowncallProbe();
    private final Probe vdso = new VdsoClockGettimeProbe();
    private final Probe invalid = new InvalidSyscallProbe();
    private final Probe getppid = new GetppidProbe();
    private final Probe clockSyscall = new ClockGettimeSyscallProbe();

    @Setup(Level.Trial)
    public void setUp() {
        for (Probe p : new Probe[] {javaCall, ffm, vdso, invalid, getppid, clockSyscall}) {
            p.setUp();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (Probe p : new Probe[] {javaCall, ffm, vdso, invalid, getppid, clockSyscall}) {
            p.tearDown();
        }
    }

    @Benchmark
    public long java_call() {
        return javaCall.run(1);
    }

    @Benchmark
    public long ffm_downcall() {
        return ffm.run(1);
    }

    @Benchmark
    public long vdso_clock_gettime() {
        return vdso.run(1);
    }

    @Benchmark
    public long invalid_syscall() {
        return invalid.run(1);
    }

    @Benchmark
    public long getppid() {
        return getppid.run(1);
    }

    @Benchmark
    public long clock_gettime_syscall() {
        return clockSyscall.run(1);
    }
}
