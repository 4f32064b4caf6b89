package dev.syscost.cli;

import dev.syscost.UsageException;
import dev.syscost.bench.Measure;
import dev.syscost.bench.MeasureConfig;
import dev.syscost.bench.MeasureResult;
import dev.syscost.bench.probe.Probes;
import dev.syscost.report.Json;
import dev.syscost.report.OpenMetrics;
import dev.syscost.report.measure.MeasureText;
import dev.syscost.progress.Progress;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syscost measure}: the cost ladder, its decomposition and the boundary path here. */
@Command(name = "measure", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measures the cost ladder on this machine, cheapest first:",
            "  java_call → ffm_downcall → vdso_clock_gettime → invalid_syscall (bare kernel entry/exit)",
            "  → getppid, clock_gettime_syscall, read/write 1 byte, fstat, open_close, pipe_write_read_1b.",
            "Each probe: warm-up until stable, several trials of many calls, median, p10–p90 and a 95%% CI",
            "of the median; its kernel entries per call verified with perf events where permitted.",
            "Then the decomposition: FFM overhead, the entry/exit floor, each syscall's own work, what the",
            "vDSO saves, and the gap as a ratio. The trials run in 2 fresh JVMs one after another (--forks),",
            "so the spread between runs is measured too; compare uses it. Takes ≤ 30 s (--quick ≤ 5 s, one JVM).",
        })
public final class MeasureCommand implements Callable<Integer> {
    @Mixin
    MeasureOptions options = new MeasureOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(options, spec.commandLine().getOut());
    }

    static int run(MeasureOptions options, PrintWriter out) {
        MeasureConfig config = options.toConfig();
        if (!config.probes().isEmpty()) {
            Probes.select(config.probes());
        }
        if (config.pinCpu() >= 0 && !dev.syscost.sys.Libc.affinity(0).get(config.pinCpu())) {
            throw new UsageException("--pin " + config.pinCpu() + ": this process may not run on that CPU; allowed: "
                    + dev.syscost.sys.Libc.affinity(0));
        }
        options.output.check();
        MeasureResult result = Measure.run(config, Progress.forTerminal());
        out.print(switch (options.format) {
            case json -> Json.toJson(result);
            case openmetrics -> OpenMetrics.renderResult(result);
            case text -> MeasureText.render(result);
        });
        out.flush();
        options.output.write(result);
        return 0;
    }
}
