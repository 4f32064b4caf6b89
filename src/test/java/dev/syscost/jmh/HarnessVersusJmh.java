package dev.syscost.jmh;

import dev.syscost.bench.Measure;
import dev.syscost.bench.MeasureConfig;
import dev.syscost.bench.MeasureResult;
import dev.syscost.bench.ProbeResult;
import dev.syscost.bench.probe.JavaCallProbe;
import dev.syscost.progress.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark command behind {@code bench/compare.sh}: the same probes timed by syscost's harness,
 * by JMH (forked JVM), and by {@code perf bench syscall basic} where installed, printed side by side.
 */
public final class HarnessVersusJmh {
    private static final List<String> IDS = List.of("java_call", "ffm_downcall", "vdso_clock_gettime",
            "invalid_syscall", "getppid", "clock_gettime_syscall");

    private HarnessVersusJmh() {}

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        System.out.println("1/3 syscost harness (15 trials of 40 ms per probe)...");
        MeasureResult harness = Measure.run(MeasureConfig.defaults().withProbes(IDS), Progress.SILENT);
        System.out.println("2/3 JMH (1 fork, 5 × 1 s warm-up, 5 × 1 s measurement per probe)...");
        Map<String, double[]> jmh = runJmh();
        System.out.println("3/3 perf bench syscall basic (getppid, 2,000,000 loops)...");
        String perf = perfBench();
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "%-22s %14s %22s %14s %22s", "probe", "harness ns",
                "harness p10–p90", "JMH ns", "JMH ±99.9% CI"));
        for (String id : IDS) {
            ProbeResult p = harness.probe(id).orElseThrow();
            double[] j = jmh.getOrDefault(id, new double[] {Double.NaN, Double.NaN});
            System.out.println(String.format(Locale.ROOT, "%-22s %14.1f %22s %14.1f %22s", id, p.medianNs(),
                    String.format(Locale.ROOT, "%.1f–%.1f", p.p10Ns(), p.p90Ns()), j[0],
                    String.format(Locale.ROOT, "±%.1f", j[1])));
        }
        System.out.println();
        System.out.println("perf bench syscall basic (getppid via glibc, C loop): " + perf);
        harness.warnings().forEach(w -> System.out.println("! " + w));
    }

    private static Map<String, double[]> runJmh() throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(LadderBenchmark.class.getName())
                .forks(1)
                .warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", JavaCallProbe.DONTINLINE_FLAG)
                .build();
        Collection<RunResult> results = new Runner(opt).run();
        Map<String, double[]> out = new HashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String id = label.substring(label.lastIndexOf('.') + 1);
            out.put(id, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        return out;
    }

    private static String perfBench() throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("perf", "bench", "syscall", "basic", "--loop", "2000000")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return "unavailable (perf is not installed: apt-get install linux-perf)";
        }
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        p.waitFor();
        Matcher m = Pattern.compile("([0-9.]+) usecs/op").matcher(out);
        return m.find() ? String.format(Locale.ROOT, "%.1f ns per getppid", Double.parseDouble(m.group(1)) * 1000)
                : "unavailable (" + out.toString().strip().lines().reduce((a, b) -> b).orElse("no output") + ")";
    }
}
