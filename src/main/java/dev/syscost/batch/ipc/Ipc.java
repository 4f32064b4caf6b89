package dev.syscost.batch.ipc;

import dev.syscost.env.Environment;
import dev.syscost.progress.Progress;
import dev.syscost.sys.Libc;
import dev.syscost.sys.NativeException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code syscost ipc}: round-trip latency and one-way throughput between two processes over each
 * transport, with CPU placement stated and kernel entries per message counted.
 */
public final class Ipc {
    /** System property naming a fault for the peer to commit ({@code corrupt:N}, {@code exit:N}): for tests only. */
    public static final String FAULT_PROPERTY = "syscost.ipc.peerFault";
    private static final double WIDE_SPREAD = 0.25;
    private static final long MIN_TRIAL_BUDGET_NS = 5_000_000L;

    private Ipc() {}

    /** Runs the measurements described by {@code config} on the calling thread, pinned for the duration. */
    public static IpcResult run(IpcConfig config, Progress progress) {
        long deadline = System.nanoTime() + config.runBudgetNs(); // start-up of the peer included
        BitSet saved = affinityOrEmpty();
        CpuPlan cpus = pinParent(CpuPlan.choose(config.placement(), saved));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "syscost-ipc-watchdog");
            t.setDaemon(true);
            return t;
        });
        Run run;
        try (IpcSession session = IpcSession.open(config.tempDir())) {
            Environment env = Environment.detect(); // while the peer JVM starts
            EntryMeter.warmUp();
            TransportBench bench = new TransportBench(config, session.peer(), session.dir(), watchdog, cpus,
                    System.getProperty(FAULT_PROPERTY, "none"));
            run = measureAll(config, bench, progress, env, deadline);
        } finally {
            watchdog.shutdownNow();
            if (cpus.parentCpu() >= 0 && !saved.isEmpty()) {
                Libc.setAffinity(0, saved);
            }
            progress.close();
        }
        List<String> warnings = new ArrayList<>(run.env().warnings());
        warnings.addAll(cpus.warnings());
        warnings.addAll(run.warnings());
        warnings.addAll(warningsFor(run.results()));
        if (config.quick()) {
            warnings.add(QUICK_NOTE);
        }
        return new IpcResult(IpcResult.SCHEMA, run.env(), config.quick(), cpus.placement(),
                cpus.parentCpu(), cpus.childCpu(), config.trials(), config.messagesPerTrial(),
                config.trialBudgetNs() / 1_000_000, IpcResult.LATENCY_METHOD, IpcResult.THROUGHPUT_METHOD,
                IpcResult.KERNEL_ENTRIES_METHOD, run.results(), warnings);
    }

    /** Why --quick figures are indicative (issue 10: quick within 15 % of default, or said to be indicative). */
    static final String QUICK_NOTE = "quick mode: figures are indicative — the default's warm-up, but 3 trials of "
            + "≤ 2,000 messages (default 5 of ≤ 20,000), so one busy moment moves a p50; not yet shown within 15 % of "
            + "the default run on a quiet machine (bench/quick-vs-default.sh); run without --quick for the figures";

    private record Run(Environment env, List<TransportResult> results, List<String> warnings) {}

    /** Every transport at every size, each with the trial length the run's time budget still allows. */
    private static Run measureAll(IpcConfig config, TransportBench bench, Progress progress, Environment env,
            long deadline) {
        List<TransportResult> results = new ArrayList<>();
        int steps = config.transports().size() * config.messageSizesBytes().size();
        long shortestNs = config.trialBudgetNs();
        int step = 0;
        for (Transport t : config.transports()) {
            for (int size : config.messageSizesBytes()) {
                long budgetNs = trialBudgetNs(config, deadline - System.nanoTime(), steps - step);
                shortestNs = Math.min(shortestNs, budgetNs);
                results.add(bench.measure(t, size, budgetNs, progress, ++step, steps));
            }
        }
        List<String> warnings = new ArrayList<>(bench.placementWarnings());
        if (shortestNs < 0.9 * config.trialBudgetNs()) {
            warnings.add(String.format(Locale.ROOT, "trials were cut from %d ms to as little as %.1f ms to finish"
                    + " within %.1f s: the machine is slow or loaded, so results are coarser",
                    config.trialBudgetNs() / 1_000_000, shortestNs / 1e6, config.runBudgetNs() / 1e9));
        }
        return new Run(env, results, warnings);
    }

    /** Pins the calling (measuring) thread as planned; the plan becomes "unpinned" if that is refused. */
    private static CpuPlan pinParent(CpuPlan cpus) {
        if (cpus.parentCpu() < 0) {
            return cpus;
        }
        try {
            Libc.pinToCpu(0, cpus.parentCpu());
            return cpus;
        } catch (NativeException e) {
            return cpus.unpinned(e.getMessage());
        }
    }

    /**
     * The trial length for the next transport and size: the configured one, or less when the time left
     * shared fairly among what remains would not fit it (timed phases plus the counted ones and setup).
     */
    static long trialBudgetNs(IpcConfig config, long leftNs, int combosLeft) {
        int slots = 2 * (config.trials() + 1) + 4;
        long fairNs = Math.max(0, leftNs) / Math.max(1, combosLeft) / slots;
        return Math.max(MIN_TRIAL_BUDGET_NS, Math.min(config.trialBudgetNs(), fairNs));
    }

    private static BitSet affinityOrEmpty() {
        try {
            return Libc.affinity(0);
        } catch (NativeException e) {
            return new BitSet();
        }
    }

    /** Loud notes for numbers not to be trusted: wide spread across trials, uncounted kernel entries. */
    static List<String> warningsFor(List<TransportResult> results) {
        List<String> w = new ArrayList<>();
        String uncounted = null;
        for (TransportResult r : results) {
            if (!r.available()) {
                continue;
            }
            String label = r.name() + " " + r.messageBytes() + " B";
            if (r.p50TrialSpreadRel() != null && r.p50TrialSpreadRel() > WIDE_SPREAD) {
                w.add(String.format(Locale.ROOT, "%s: round-trip p50 varies by %.0f%% across trials; the machine is"
                        + " noisy, rerun or use more --trials", label, 100 * r.p50TrialSpreadRel()));
            }
            if (r.throughputTrialSpreadRel() != null && r.throughputTrialSpreadRel() > WIDE_SPREAD) {
                w.add(String.format(Locale.ROOT, "%s: throughput varies by %.0f%% across trials; the machine is"
                        + " noisy, rerun or use more --trials", label, 100 * r.throughputTrialSpreadRel()));
            }
            if (r.kernelEntriesPerMessage() == null && uncounted == null) {
                uncounted = "kernel entries not counted: " + r.kernelEntriesNote();
            }
        }
        if (uncounted != null) {
            w.add(uncounted);
        }
        return w;
    }
}
