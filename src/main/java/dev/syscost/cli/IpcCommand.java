package dev.syscost.cli;

import dev.syscost.UsageException;
import dev.syscost.batch.ipc.Ipc;
import dev.syscost.batch.ipc.IpcConfig;
import dev.syscost.batch.ipc.IpcResult;
import dev.syscost.batch.ipc.Placement;
import dev.syscost.batch.ipc.Transport;
import dev.syscost.report.ipc.IpcText;
import dev.syscost.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syscost ipc}: message latency and throughput between two processes, per transport. */
@Command(name = "ipc", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures round-trip latency (p50/p99/p99.9) and one-way throughput between two processes",
            "over a pipe, a UNIX stream socket, TCP loopback, and shared memory signalled by eventfd, by futex,",
            "or by spinning; with CPU placement stated and kernel entries per message counted.",
            "Aims to finish within 55 s by default and 9 s with --quick, shortening trials if it must (and saying so)."})
public final class IpcCommand implements Callable<Integer> {
    @Option(names = "--transports", paramLabel = "LIST",
            description = "Comma-separated, from: pipe, unix_stream, tcp_loopback, shm_eventfd, shm_futex, shm_spin (default: all).")
    String transports;

    @Option(names = "--sizes", paramLabel = "LIST", split = ",", converter = ByteSizeConverter.class,
            description = "Message sizes, e.g. 64,4k,1m (K/M suffixes are 1024-based; 8 B to 1 MiB; default 64,4k).")
    List<Long> sizes;

    @Option(names = "--messages", paramLabel = "N",
            description = "Round trips per latency trial and messages per throughput trial (10..10000000; default 20000, quick 2000); a trial also ends after 250 ms (quick 30 ms).")
    Long messages;

    @Option(names = "--trials", paramLabel = "N", description = "Trials per transport and size (1..100; default 5, quick 3).")
    Integer trials;

    @Option(names = "--placement", paramLabel = "WHERE",
            description = "different (default): parent and peer pinned to two CPUs; same: both pinned to one CPU.")
    String placement;

    @Option(names = "--quick", description = "Coarser and faster (under 10 s): fewer, shorter trials; says so in the output.")
    boolean quick;

    @Option(names = "--tmpdir", paramLabel = "DIR",
            description = "Where the FIFOs, socket and shared file live during the run (default: java.io.tmpdir); always removed.")
    Path tmpdir;

    /** The former name of --tmpdir; kept so existing scripts work, hidden so help shows one name. */
    @Option(names = "--temp-dir", hidden = true, paramLabel = "DIR")
    void tempDir(Path dir) {
        tmpdir = dir;
    }

    /** What the whole command aims for, JVM start-up included: the 60 s and 10 s, with a margin. */
    private static final long DEFAULT_TOTAL_NS = 55_000_000_000L;
    private static final long QUICK_TOTAL_NS = 9_000_000_000L;
    /** Printing, writing files, and reaping the peer after the measuring ends. */
    private static final long EXIT_ALLOWANCE_NS = 500_000_000L;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        IpcConfig config = config();
        output.check();
        IpcResult result = Ipc.run(config, Progress.forTerminal());
        spec.commandLine().getOut().print(IpcText.render(result));
        spec.commandLine().getOut().flush();
        output.write(result);
        return 0;
    }

    /** The run the options describe; {@link UsageException} for any bad value. */
    IpcConfig config() {
        IpcConfig c = quick ? IpcConfig.quickDefaults() : IpcConfig.defaults();
        if (transports != null) {
            c = c.withTransports(Transport.parseList(transports));
        }
        if (sizes != null) {
            c = c.withMessageSizes(IpcConfig.messageSizes(sizes));
        }
        if (messages != null) {
            c = c.withMessagesPerTrial(messages);
        }
        if (trials != null) {
            c = c.withTrials(trials);
        }
        if (placement != null) {
            c = c.withPlacement(parsePlacement(placement));
        }
        if (tmpdir != null) {
            checkTmpdir(tmpdir);
            c = c.withTempDir(tmpdir);
        }
        return c.withRunBudgetNs(runBudgetNs(c, quick ? QUICK_TOTAL_NS : DEFAULT_TOTAL_NS));
    }

    /** The measuring budget left for a command that should end {@code totalNs} after this JVM started. */
    static long runBudgetNs(IpcConfig c, long totalNs) {
        long sinceStartNs = ProcessHandle.current().info().startInstant()
                .map(t -> Duration.between(t, Instant.now()).toNanos()).orElse(0L);
        // Never below half the API budget: a slow start should coarsen the run, not make it useless.
        return Math.max(c.runBudgetNs() / 2, Math.min(c.runBudgetNs(), totalNs - sinceStartNs - EXIT_ALLOWANCE_NS));
    }

    static Placement parsePlacement(String s) {
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "different", "different-cores" -> Placement.DIFFERENT;
            case "same", "same-core" -> Placement.SAME;
            default -> throw new UsageException("--placement must be 'different' or 'same': " + s);
        };
    }

    static void checkTmpdir(Path dir) {
        dev.syscost.report.OutputFile.checkScratchDirectory(dir, "--tmpdir");
    }
}
