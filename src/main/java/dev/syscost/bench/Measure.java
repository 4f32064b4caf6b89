package dev.syscost.bench;

import dev.syscost.sys.ProcFiles;
import dev.syscost.bench.probe.JavaCallProbe;
import dev.syscost.bench.probe.Probes;
import dev.syscost.env.Environment;
import dev.syscost.report.Progress;
import dev.syscost.sys.Libc;
import dev.syscost.sys.Tracefs;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
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

    /** Measures the configured probes (all by default) in ladder order. */
    public static MeasureResult run(MeasureConfig config, Progress progress) {
        Instant started = Instant.now();
        List<Probe> probes = config.probes().isEmpty() ? Probes.all() : Probes.select(config.probes());
        Environment env = Environment.detect();
        BitSet savedAffinity = null;
        String pinning = "not pinned: the scheduler may move the thread between trials (use --pin CPU)";
        if (config.pinCpu() >= 0) {
            savedAffinity = Libc.affinity(0);
            Libc.pinToCpu(0, config.pinCpu());
            pinning = "measuring thread pinned to CPU " + config.pinCpu();
        }
        Harness.EntryCounting counting = new Harness.EntryCounting(config.verifyKernelEntries());
        Harness harness = new Harness(config, progress);
        MachineLoad before = MachineLoad.sample();
        List<ProbeResult> results = new ArrayList<>();
        try {
            for (int i = 0; i < probes.size(); i++) {
                results.add(harness.measure(probes.get(i), i + 1, probes.size(), counting));
            }
        } finally {
            progress.close();
            if (savedAffinity != null) {
                Libc.setAffinity(0, savedAffinity);
            }
        }
        MachineLoad.Delta load = MachineLoad.sample().since(before);
        MeasureResult.KernelEntryCheck check = new MeasureResult.KernelEntryCheck(counting.reason() == null,
                "perf_event_open counting raw_syscalls:sys_enter on the measuring thread over "
                        + "a separate batch of calls", counting.reason());
        List<String> warnings = warnings(config, env, results, check, load);
        long durationMs = java.time.Duration.between(started, Instant.now()).toMillis();
        return new MeasureResult(MeasureResult.SCHEMA, new MeasureResult.Tool(version(), started.toString(), durationMs),
                config, env, pinning, check, List.copyOf(results), Decomposition.of(results), warnings);
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
