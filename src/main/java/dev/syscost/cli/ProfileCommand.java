package dev.syscost.cli;

import dev.syscost.UsageException;
import dev.syscost.env.Environment;
import dev.syscost.profile.Backend;
import dev.syscost.profile.Calibration;
import dev.syscost.profile.Measurement;
import dev.syscost.profile.Perturbation;
import dev.syscost.profile.ProfileBuilder;
import dev.syscost.profile.ProfileResult;
import dev.syscost.profile.ProfileRun;
import dev.syscost.profile.Trampoline;
import dev.syscost.report.Json;
import dev.syscost.report.OpenMetrics;
import dev.syscost.report.ProfileText;
import dev.syscost.report.Progress;
import dev.syscost.sys.BpfVerifierException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syscost profile}: a real program's syscall tax. */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = {"syscost profile [OPTIONS] -- CMD [ARGS...]", "syscost profile [OPTIONS] --pid PID [--duration 10s]"},
        description = {
            "Counts every syscall a program makes, exactly, per syscall, with an eBPF program in the kernel",
            "(threads and child processes followed), and prices them with this machine's measured costs:",
            "the boundary tax beside wall and system time, and advice on what to batch.",
            "Run mode passes stdin/stdout/stderr through untouched, prints the report on stderr and exits",
            "with CMD's status (128+N when signal N killed it); Ctrl-C and SIGTERM reach CMD.",
        })
public final class ProfileCommand implements Callable<Integer> {
    @Option(names = "--pid", paramLabel = "PID", description = "Attach to a running process (all its threads) instead of running a command.")
    Integer pid;

    @Option(names = "--duration", paramLabel = "TIME", description = "With --pid: how long to count (e.g. 500ms, 10s, 2m); default until it exits or Ctrl-C.")
    String duration;

    @Option(names = "--backend", paramLabel = "NAME", description = "Force a backend: bpf (exact per syscall), perf (exact total), proc (/proc accounting). Default: the best permitted.")
    Backend backend;

    @Option(names = "--cross-check", description = "Also count the total with a perf event beside the bpf counts and compare (slower).")
    boolean crossCheck;

    @Option(names = "--recalibrate", description = "Measure the per-syscall prices again instead of using the cached ones (cached per machine and kernel for 7 days).")
    boolean recalibrate;

    @Option(names = "--top", paramLabel = "N", defaultValue = "25", description = "Syscalls shown in the terminal report (1..1024; default ${DEFAULT-VALUE}); --json has all.")
    int top;

    @Option(names = {"-v", "--verbose"}, description = "Print the full BPF verifier log if a program is rejected.")
    boolean verbose;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text (tables), json, or openmetrics (Prometheus text exposition).")
    OutputFormat format;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command to run, after --.")
    List<String> command = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        UsageException.requireRange("--top", top, 1, 1024);
        Duration d = duration == null ? null : parseDuration(duration);
        if (pid == null && command.isEmpty()) {
            throw new UsageException("nothing to profile: give a command after -- (syscost profile -- CMD ARGS) or --pid PID");
        }
        if (pid != null && !command.isEmpty()) {
            throw new UsageException("give either a command after -- or --pid, not both");
        }
        if (d != null && pid == null) {
            throw new UsageException("--duration applies to --pid only; a command is profiled until it exits");
        }
        output.check();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (pid != null) {
                ProfileRun.checkAttachable(pid);
            } else {
                Trampoline.resolve(command.get(0));
            }
        } catch (Trampoline.CommandException e) {
            err.println("syscost: " + e.getMessage());
            return e.exitStatus();
        }
        Calibration calibration = Calibration.load(recalibrate, Progress.forTerminal(),
                () -> err.println("syscost: measuring this machine's per-syscall prices with `syscost measure` (seconds to a minute or two on a busy machine; "
                        + "cached in " + Calibration.cacheFile() + " for this kernel and CPU for 7 days, 1 hour if the machine was noisy)"));
        ProfileRun.Options options = new ProfileRun.Options(backend, crossCheck, d);
        Measurement m;
        try {
            m = pid != null ? ProfileRun.attach(pid, options) : ProfileRun.run(command, options);
        } catch (BpfVerifierException e) {
            if (verbose) {
                err.println(e.log());
            }
            throw e;
        }
        calibration = withPerturbation(calibration, m.backend());
        ProfileResult result = ProfileBuilder.build(m, calibration, Environment.detect(), List.of());
        PrintWriter report = pid != null ? spec.commandLine().getOut() : err;
        report.print(switch (format) {
            case json -> Json.toJson(result);
            case openmetrics -> OpenMetrics.renderResult(result);
            case text -> ProfileText.render(result, top);
        });
        report.flush();
        output.write(result);
        return m.exitStatus() == null ? 0 : m.exitStatus();
    }

    private Calibration withPerturbation(Calibration c, Backend used) {
        Calibration updated = c;
        if (c.perturbation(used.id()).isEmpty() || recalibrate) {
            updated = updated.withPerturbation(used.id(), Perturbation.measure(used));
        }
        if (used == Backend.BPF && (c.perturbation(Perturbation.BPF_UNTRACKED).isEmpty() || recalibrate)) {
            updated = updated.withPerturbation(Perturbation.BPF_UNTRACKED, Perturbation.untracked());
        }
        if (updated != c) {
            updated.save(Calibration.cacheFile());
        }
        return updated;
    }

    /** {@code 500ms}, {@code 10s}, {@code 10} (seconds), {@code 2m}, {@code 1h} (the rule of {@link DurationConverter}); must be positive. */
    static Duration parseDuration(String text) {
        Duration d;
        try {
            d = DurationConverter.parse(text);
        } catch (UnitConversionException e) {
            throw new UsageException("--duration must be a time such as 500ms, 10s, 2m or 1h: " + text);
        }
        double ms = d.toNanos() / 1e6;
        if (ms < 1) {
            throw new UsageException("--duration must be at least 1ms: " + text + " (omit it to count until the process exits)");
        }
        if (ms > 7 * 24 * 3_600_000.0) {
            throw new UsageException("--duration must be at most 7 days: " + text);
        }
        return d;
    }
}
