package dev.syscost.cli;

import dev.syscost.SyscostException;
import dev.syscost.UsageException;
import dev.syscost.profile.Calibration;
import dev.syscost.profile.NodeCounter;
import dev.syscost.report.Json;
import dev.syscost.report.OutputFile;
import dev.syscost.progress.Progress;
import dev.syscost.report.top.TopLive;
import dev.syscost.report.top.TopScreen;
import dev.syscost.sys.BpfVerifierException;
import dev.syscost.sys.NativeException;
import dev.syscost.sys.Terminal;
import dev.syscost.top.EbpfSampler;
import dev.syscost.top.ProcIoSampler;
import dev.syscost.top.Sampler;
import dev.syscost.top.TopSnapshot;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syscost top}: every process's syscall rate and boundary tax, live. */
@Command(name = "top", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Every process's syscalls on this host, live: rate, busiest syscalls, estimated boundary tax",
            "(calls/s x the calibrated price per call, as a share of one CPU) and %%system, counted in the kernel",
            "by one eBPF program on raw_syscalls:sys_enter (needs root or CAP_BPF+CAP_PERFMON).",
            "Keys: q quit, s sort (rate/tax), p pause, Up/Down select, Enter the selected process's breakdown.",
            "Not a terminal, --once or --json: one snapshot over --interval, then exit."})
public final class TopCommand implements Callable<Integer> {
    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s",
            description = "Refresh period, or the one snapshot's length: e.g. 1, 0.5s, 500ms, 5s (10ms..1h; default ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "rate",
            description = "Order rows by rate (syscalls/s) or tax (estimated share of a CPU); default ${DEFAULT-VALUE}.")
    TopScreen.Sort sort;

    @Option(names = "--once", description = "One snapshot over --interval as text, then exit.")
    boolean once;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the snapshot as JSON (schema syscost.top/1); implies --once.")
    Path json;

    @Option(names = "--force", description = "Overwrite the --json file if it exists.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        double seconds = parseInterval(interval);
        if (json != null) {
            OutputFile.checkWritable(json, force, "--json");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean live = !once && json == null && Terminal.isTerminal(0) && Terminal.isTerminal(1);
        Calibration calibration = Calibration.cachedForThisMachine().orElseGet(() -> Calibration.load(false, Progress.forTerminal(),
                () -> err.println("syscost: measuring this machine's per-syscall prices once (about 20 s; cached in "
                        + Calibration.cacheFile() + ", reused by every later top)")));
        try (Sampler sampler = open(calibration, live, err)) {
            if (live) {
                new TopLive(sampler, seconds, sort, new PrintStream(new FileOutputStream(FileDescriptor.out), false),
                        new FileInputStream(FileDescriptor.in), 0).run();
                return 0;
            }
            err.println(String.format(Locale.ROOT, "syscost top: counting every process for %.3g s ...", seconds));
            err.flush();
            long wait = sampler.sampledAtNanos() + (long) (seconds * 1e9) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            TopSnapshot s = sampler.sample();
            out.print(TopScreen.text(s, sort, TopScreen.ONCE_ROWS));
            out.flush();
            if (json != null) {
                Json.write(json, s, force);
            }
            return 0;
        }
    }

    private static Sampler open(Calibration calibration, boolean live, PrintWriter err) {
        try {
            return EbpfSampler.open(NodeCounter.configuredMaxEntries(), calibration);
        } catch (NativeException | BpfVerifierException e) {
            String why = "counting every process's syscalls needs root or CAP_BPF+CAP_PERFMON (" + firstClause(e.getMessage()) + ")";
            if (live) {
                throw new SyscostException(why + "; run it with sudo, or use --once for /proc/PID/io read/write counts");
            }
            err.println("syscost top: " + why + "; falling back to /proc/PID/io: read and write families only");
            return ProcIoSampler.open(calibration);
        }
    }

    /** "BPF_MAP_CREATE syscost_node failed: EPERM (…); bpf needs root…" → the part before the hint. */
    private static String firstClause(String message) {
        String m = message == null ? "bpf refused" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
        int hint = m.indexOf("; ");
        return hint > 0 ? m.substring(0, hint) : m;
    }

    /** "1", "0.5", "2s", "500ms", "1m" (the rule of {@link DurationConverter}) → seconds, 10 ms..1 h. */
    static double parseInterval(String text) {
        java.time.Duration d;
        try {
            d = DurationConverter.parse(text);
        } catch (UnitConversionException e) {
            throw new UsageException("--interval must be a duration such as 1, 0.5s, 500ms or 5s: " + text);
        }
        if (d.compareTo(java.time.Duration.ofMillis(10)) < 0 || d.compareTo(java.time.Duration.ofHours(1)) > 0) {
            throw new UsageException("--interval must be between 10ms and 1h: " + text);
        }
        return d.toNanos() / 1e9;
    }
}
