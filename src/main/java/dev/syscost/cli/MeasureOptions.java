package dev.syscost.cli;

import dev.syscost.UsageException;
import dev.syscost.bench.MeasureConfig;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code measure}, also accepted by bare {@code syscost}. */
public final class MeasureOptions {
    @Option(names = "--quick", description = "Coarser and faster (≤ 5 s): 5 short trials per probe; the output says so.")
    boolean quick;

    @Option(names = "--trials", paramLabel = "N", description = "Trials per probe, 1..1000, shared by the forks (default 15; --quick 5).")
    Integer trials;

    @Option(names = "--forks", paramLabel = "N",
            description = "Fresh JVMs to run the trials in, one after another, 1..64 (default 2; --quick 1). They share"
                    + " the trials; their medians' spread is the between-run variation that compare uses. 1 measures in this JVM.")
    Integer forks;

    @Option(names = "--pin", paramLabel = "CPU",
            description = "Pin the measuring thread to this CPU (sched_setaffinity) so the scheduler cannot move it.")
    Integer pin;

    @Option(names = "--probes", paramLabel = "ID", split = ",",
            description = "Only these probes (comma-separated ids), e.g. getppid,invalid_syscall.")
    List<String> probes;

    @Option(names = "--no-verify", negatable = false,
            description = "Skip counting kernel entries with perf events (by default each probe's count is verified where permitted).")
    boolean noVerify;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Standard output format: text (tables), json, or openmetrics (Prometheus text exposition).")
    OutputFormat format;

    @Mixin
    OutputOptions output = new OutputOptions();

    /** The measurement configuration these options describe. */
    MeasureConfig toConfig() {
        MeasureConfig c = quick ? MeasureConfig.quickConfig() : MeasureConfig.defaults();
        if (trials != null) {
            c = c.withTrials(trials);
        }
        if (forks != null) {
            c = c.withForks(forks);
        }
        if (pin != null) {
            // -1 means "no pinning" inside the config only; on the command line it is a typo, not a request.
            UsageException.requireRange("--pin", pin, 0, 1023);
            c = c.withPinCpu(pin);
        }
        if (probes != null) {
            c = c.withProbes(probes);
        }
        return noVerify ? c.withVerifyKernelEntries(false) : c;
    }
}
