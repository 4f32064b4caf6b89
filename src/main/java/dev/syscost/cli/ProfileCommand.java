package dev.syscost.cli;

import dev.syscost.UsageException;
import dev.syscost.profile.Backend;
import dev.syscost.profile.Profile;
import dev.syscost.profile.ProfileConfig;
import dev.syscost.profile.ProfileResult;
import dev.syscost.profile.Trampoline;
import dev.syscost.profile.StackProfiler;
import dev.syscost.report.profile.FoldedStacks;
import dev.syscost.report.Json;
import dev.syscost.report.OutputFile;
import dev.syscost.report.OpenMetrics;
import dev.syscost.report.profile.ProfileText;
import dev.syscost.progress.Progress;
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

    @Option(names = "--stacks", description = "Also count per call site: the user stack of every syscall, walked and counted in the kernel "
            + "(bpf backend; Java targets get -XX:+PreserveFramePointer and a perf map through JAVA_TOOL_OPTIONS in run mode).")
    boolean stacks;

    @Option(names = "--stack-period", paramLabel = "N", defaultValue = "1",
            description = "With --stacks: walk one call in N, chosen at random in the kernel (default ${DEFAULT-VALUE}: every call, exact counts; N > 1: estimates with a 95%% interval).")
    int stackPeriod;

    @Option(names = "--folded", paramLabel = "FILE", description = "With --stacks: also write the call stacks as folded text (flamegraph.pl, speedscope).")
    java.nio.file.Path folded;

    @Option(names = "--full-stacks", description = "With --stacks: print each call site's whole stack in the terminal report.")
    boolean fullStacks;

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
        checkStacks();
        output.check();
        PrintWriter err = spec.commandLine().getErr();
        ProfileResult result;
        try {
            result = Profile.run(config(d), Progress.forTerminal(),
                    cache -> err.println("syscost: measuring this machine's per-syscall prices with `syscost measure` (seconds to a minute or two on a busy machine; "
                            + "cached in " + cache + " for this kernel and CPU for 7 days, 1 hour if the machine was noisy)"));
        } catch (Trampoline.CommandException e) {
            err.println("syscost: " + e.getMessage());
            return e.exitStatus();
        } catch (BpfVerifierException e) {
            if (verbose) {
                err.println(e.log());
            }
            throw e;
        }
        PrintWriter report = pid != null ? spec.commandLine().getOut() : err;
        report.print(switch (format) {
            case json -> Json.toJson(result);
            case openmetrics -> OpenMetrics.renderResult(result);
            case text -> ProfileText.render(result, top, fullStacks);
        });
        report.flush();
        output.write(result);
        if (folded != null && result.stacks() != null) {
            OutputFile.write(folded, FoldedStacks.render(result.stacks()), output.force, "--folded");
        }
        return result.target().exitStatus() == null ? 0 : result.target().exitStatus();
    }

    /** The domain's config from the options, checked above in the flags' words. */
    private ProfileConfig config(Duration d) {
        return new ProfileConfig(command, pid, backend, crossCheck, d,
                stacks ? StackProfiler.Options.DEFAULT.withPeriod(stackPeriod) : null, recalibrate);
    }

    /** The --stacks family's rules, before anything is measured. */
    private void checkStacks() {
        if (!stacks) {
            for (String[] f : new String[][] {{"--stack-period", stackPeriod != 1 ? "x" : null},
                    {"--folded", folded != null ? "x" : null}, {"--full-stacks", fullStacks ? "x" : null}}) {
                if (f[1] != null) {
                    throw new UsageException(f[0] + " applies to --stacks only; add --stacks");
                }
            }
            return;
        }
        if (backend != null && backend != Backend.BPF) {
            throw new UsageException("--stacks needs --backend bpf (the user stack is walked by an eBPF program in the kernel; "
                    + "run as root or with CAP_BPF+CAP_PERFMON), not --backend " + backend.id());
        }
        UsageException.requireRange("--stack-period", stackPeriod, 1, 1_000_000);
        if (folded != null) {
            OutputFile.checkWritable(folded, output.force, "--folded");
        }
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
