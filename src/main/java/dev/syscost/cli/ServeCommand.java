package dev.syscost.cli;

import dev.syscost.UsageException;
import dev.syscost.bench.Measure;
import dev.syscost.bench.MeasureConfig;
import dev.syscost.bench.MeasureResult;
import dev.syscost.progress.Progress;
import dev.syscost.serve.MetricsServer;
import dev.syscost.serve.NodeCollector;
import dev.syscost.serve.ProfilerWatch;
import dev.syscost.serve.ProcessWatch;
import dev.syscost.serve.Remeasurer;
import dev.syscost.serve.ServeCollector;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syscost serve}: the cost ladder (and watched processes' syscalls) on /metrics for Prometheus. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exposes /metrics for Prometheus: the ladder's figures, re-measured in the background with",
            "quick runs at a duty cycle of at most 1%% (a run of d seconds is followed by a pause of at",
            "least 99·d seconds), and the syscall counts of watched processes. Listens on loopback only",
            "unless --bind says otherwise. Ctrl-C stops it."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9464",
            description = "TCP port (0..65535; 0 picks a free one; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    String bind;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5m",
            description = "Least time between measurements: 10s..24h, e.g. 30s, 5m, 1h (default ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--watch", paramLabel = "PID", arity = "1..*",
            description = "Also count these processes' syscalls (syscost_process_syscalls_total{pid,syscall}).")
    List<Integer> watch = new ArrayList<>();

    @Option(names = "--node", description = {"Also count every process's syscalls in the kernel (root or CAP_BPF+CAP_PERFMON):",
            "syscost_node_syscalls_total{syscall} and syscost_process_syscalls_total{pid,comm,syscall} for the",
            "--top-k processes by rate since the previous scrape, the rest under comm=\"other\"."})
    boolean node;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "20",
            description = "With --node: processes exported by name per scrape, 1..1000 (default ${DEFAULT-VALUE}).")
    int topK;

    @Spec
    CommandSpec spec;

    /** Where measurements come from; tests replace it with seeded results. */
    static Supplier<MeasureResult> measureSource = () -> Measure.run(MeasureConfig.quickConfig(), Progress.SILENT);

    /** How watched processes are counted; the profile command's exact counter plugs in here. */
    static ProcessWatch.Opener watchOpener = ProfilerWatch::openBest;

    @Override
    public Integer call() {
        UsageException.requireRange("--port", port, 0, 65535);
        Duration every = parseInterval(interval);
        UsageException.requireRange("--top-k", topK, 1, 1000);
        if (node && !watch.isEmpty()) {
            throw new UsageException("--watch and --node: --node already counts every process (with pid and comm labels); drop --watch");
        }
        ServeCollector collector = new ServeCollector();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NodeCollector nodeCollector = node ? NodeServe.open(topK) : null;
        try {
            if (nodeCollector != null) {
                collector.add(nodeCollector::addTo);
            }
            for (int pid : watch) {
                UsageException.requireRange("--watch", pid, 1, Integer.MAX_VALUE);
                collector.watch(pid, watchOpener.open(pid));
            }
            try (MetricsServer server = MetricsServer.start(bind, port, collector, line -> {
                     err.println(line);
                     err.flush();
                 });
                 Remeasurer remeasurer = new Remeasurer(measureSource, every, collector)) {
                announce(out, server, every);
                remeasurer.start();
                CountDownLatch stopped = new CountDownLatch(1);
                Thread hook = new Thread(stopped::countDown, "syscost-serve-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    // Stopped by the embedding thread (tests): shut down like Ctrl-C.
                    Thread.currentThread().interrupt();
                } finally {
                    removeHook(hook);
                }
            }
        } finally {
            collector.close();
            if (nodeCollector != null) {
                nodeCollector.close();
            }
        }
        return 0;
    }

    private void announce(PrintWriter out, MetricsServer server, Duration every) {
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        out.println("syscost serve: http://" + host + ":" + server.port() + "/metrics");
        out.println("  listening on " + server.listening() + "; GET /metrics and /-/healthy only");
        out.println(String.format(Locale.ROOT, "  re-measuring (quick runs) every %s at most; each run of d s is followed by "
                + "a pause of at least %.0f·d s, so measuring takes ≤ %.0f%% of the time", interval,
                1 / Remeasurer.MAX_DUTY - 1, Remeasurer.MAX_DUTY * 100));
        if (!isLoopback(bind)) {
            out.println("  note: listening on " + bind + ", reachable from other machines; --bind 127.0.0.1 keeps it local");
        }
        for (int pid : watch) {
            out.println("  watching pid " + pid);
        }
        if (node) {
            out.println(NodeServe.describe(topK));
        }
        out.println("  Ctrl-C to stop");
        out.flush();
    }

    /** "30s", "5m", "1h" (the rule of {@link DurationConverter}) → a Duration between 10 s and 24 h. */
    static Duration parseInterval(String text) {
        Duration d;
        try {
            d = DurationConverter.parse(text);
        } catch (UnitConversionException e) {
            throw new UsageException("--interval must be a time such as 30s, 5m or 1h: " + text);
        }
        if (d.compareTo(Duration.ofSeconds(10)) < 0 || d.compareTo(Duration.ofHours(24)) > 0) {
            throw new UsageException("--interval must be between 10s and 24h: " + text);
        }
        return d;
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook has run.
        }
    }
}
