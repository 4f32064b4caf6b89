package dev.syscost.bench;

import dev.syscost.sys.ProcFiles;
import dev.syscost.bench.probe.JavaCallProbe;
import dev.syscost.bench.probe.Probes;
import dev.syscost.env.Environment;
import dev.syscost.progress.Progress;
import dev.syscost.sys.Tracefs;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The public entry point of {@code syscost measure}: runs the ladder on the calling thread and returns
 * every probe's statistics, the decomposition, the environment and the warnings.
 *
 * <pre>{@code
 * MeasureResult r = Measure.run(MeasureConfig.quickConfig(), Progress.SILENT);
 * double getppidNs = r.probe("getppid").orElseThrow().medianNs();
 * }</pre>
 */
public final class Measure {
    /** Relative p10–p90 spread above which a probe's figure is flagged. */
    static final double WIDE_SPREAD = 0.20;

    private Measure() {}

    /**
     * Measures the configured probes (all by default) in ladder order: in this JVM with one fork, else in
     * {@code config.forks()} fresh JVMs one after another, their trials pooled and their medians kept.
     */
    public static MeasureResult run(MeasureConfig config, Progress progress) {
        Instant started = Instant.now();
        if (!config.probes().isEmpty()) {
            Probes.select(config.probes()); // an unknown id fails here, before any fork starts
        }
        Environment env = Environment.detect();
        String pinning = config.pinCpu() >= 0 ? "measuring thread pinned to CPU " + config.pinCpu()
                : "not pinned: the scheduler may move the thread between trials (use --pin CPU)";
        MachineLoad before = MachineLoad.sample();
        List<Fork> forks;
        try {
            forks = config.forks() == 1 ? List.of(Ladder.runHere(config, progress::step))
                    : Forks.run(config, progress::step);
        } finally {
            progress.close();
        }
        long forkCpuNs = config.forks() == 1 ? 0 : forks.stream().mapToLong(Fork::cpuNs).sum();
        MachineLoad.Delta load = MachineLoad.sample().since(before, forkCpuNs);
        List<ProbeResult> results = merge(forks);
        String refused = forks.stream().map(Fork::entryCountingRefused).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        MeasureResult.KernelEntryCheck check = new MeasureResult.KernelEntryCheck(refused == null,
                "perf_event_open counting raw_syscalls:sys_enter on the measuring thread over "
                        + "a separate batch of calls", refused);
        Decomposition decomposition = Decomposition.of(results);
        List<String> warnings = new ArrayList<>(warnings(config, env, results, check, load));
        warnings.addAll(Disturbance.warnings(results, decomposition));
        long durationMs = java.time.Duration.between(started, Instant.now()).toMillis();
        List<MeasureResult.ForkInfo> forkInfo = new ArrayList<>();
        for (int i = 0; i < forks.size(); i++) {
            forkInfo.add(new MeasureResult.ForkInfo(i + 1, forks.get(i).pid(), forks.get(i).durationMs(), forks.get(i).cpuNs()));
        }
        return new MeasureResult(MeasureResult.SCHEMA, new MeasureResult.Tool(version(), started.toString(), durationMs),
                config, env, pinning, check, List.copyOf(results), decomposition, List.copyOf(warnings),
                List.copyOf(forkInfo));
    }

    /** Each probe's results from every fork, merged; fork order is ladder order in each. */
    static List<ProbeResult> merge(List<Fork> forks) {
        List<ProbeResult> merged = new ArrayList<>();
        for (int p = 0; p < forks.get(0).probes().size(); p++) {
            List<ProbeResult> perFork = new ArrayList<>();
            for (Fork f : forks) {
                perFork.add(f.probes().get(p));
            }
            merged.add(forks.size() == 1 ? perFork.get(0) : ProbeResult.merge(perFork));
        }
        return merged;
    }

    static List<String> warnings(MeasureConfig config, Environment env, List<ProbeResult> results,
            MeasureResult.KernelEntryCheck check, MachineLoad.Delta load) {
        List<String> w = new ArrayList<>(env.warnings());
        if (config.quick()) {
            w.add("quick mode: " + config.trials() + " short trials per probe; figures are coarse (run without --quick)");
        }
        if (!check.available()) {
            w.add("kernel entries not verified: " + check.reason());
        }
        for (ProbeResult p : results) {
            if (!p.available()) {
                w.add(p.id() + " unavailable: " + p.unavailableReason());
                continue;
            }
            if (p.relativeSpread() > WIDE_SPREAD) {
                w.add(fmt("%s: wide spread across trials (p10–p90 is %.0f%% of the median); the machine is noisy,"
                        + " rerun or pin with --pin CPU", p.id(), 100 * p.relativeSpread()));
            }
            if (!p.warmupStable()) {
                w.add(p.id() + ": warm-up did not settle within its budget; early trials may still include JIT or cache effects");
            }
            if (Boolean.FALSE.equals(p.kernelEntriesVerified())) {
                w.add(fmt("%s: declared %d kernel entries per call but %.2f were counted", p.id(),
                        p.kernelEntriesPerCall(), p.kernelEntriesMeasured())
                        + (p.id().equals("vdso_clock_gettime")
                                ? " — the vDSO is not answering clock_gettime here (see the clocksource in `syscost env`)"
                                : ""));
            }
        }
        if (results.stream().anyMatch(p -> p.id().equals("java_call")) && !JavaCallProbe.inliningPrevented()) {
            w.add("java_call: the JVM was started without " + JavaCallProbe.DONTINLINE_FLAG
                    + ", so the callee may be inlined and java_call understated");
        }
        w.addAll(load.warnings());
        tracingActive().ifPresent(w::add);
        return List.copyOf(w);
    }

    /** A warning when kernel tracing events are enabled: each one adds work to every syscall it hooks. */
    static java.util.Optional<String> tracingActive() {
        return Tracefs.root().flatMap(root -> {
            try {
                String events = ProcFiles.read(root.resolve("set_event")).trim();
                return events.isEmpty() ? java.util.Optional.empty()
                        : java.util.Optional.of("kernel tracing is enabled (" + events.lines().count()
                                + " events, e.g. " + events.lines().findFirst().orElse("") + "): it adds cost to the"
                                + " syscalls it hooks; disable with `echo > " + root.resolve("set_event") + "`");
            } catch (IOException e) {
                return java.util.Optional.empty();
            }
        });
    }

    /** The syscost version from the jar manifest, or "dev". */
    public static String version() {
        String v = Measure.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
