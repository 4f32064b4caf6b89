package dev.syscost.profile;

import dev.syscost.sys.ProcFiles;
import dev.syscost.bench.Measure;
import dev.syscost.bench.MeasureConfig;
import dev.syscost.bench.MeasureResult;
import dev.syscost.bench.ProbeResult;
import dev.syscost.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Per-call costs of the syscalls syscost has probes for, measured with {@link Measure} on this machine,
 * and the profiler's own perturbation per syscall; cached per machine and kernel, refreshed when stale.
 *
 * @param probeNs        each probe's median ns per call, the FFM downcall's own cost ({@code downcallNs})
 *                       not yet subtracted
 * @param perturbationNs per backend id: how much longer a syscall takes while that backend counts it
 *                       (median of paired trials; {@code perturbationP10P90Ns} holds their p10 and p90)
 */
public record Calibration(String kernel, String cpuModel, String measuredAt, String source, double downcallNs,
                          Map<String, Double> probeNs, Map<String, Double> perturbationNs,
                          Map<String, List<Double>> perturbationP10P90Ns) {
    public Calibration {
        perturbationP10P90Ns = perturbationP10P90Ns == null ? Map.of() : perturbationP10P90Ns;
    }

    /** A calibration without perturbation figures yet. */
    public Calibration(String kernel, String cpuModel, String measuredAt, String source, double downcallNs,
                       Map<String, Double> probeNs, Map<String, Double> perturbationNs) {
        this(kernel, cpuModel, measuredAt, source, downcallNs, probeNs, perturbationNs, Map.of());
    }

    /** Probes the tax uses (see {@link CostModel}). */
    static final List<String> PROBES = List.of("ffm_downcall", "invalid_syscall", "getppid", "clock_gettime_syscall",
            "read_1b_dev_zero", "write_1b_dev_null", "fstat", "open_close");
    /** Older than this, a cached calibration is measured again. */
    static final Duration MAX_AGE = Duration.ofDays(7);
    /** A probe whose p10–p90 spread exceeds this share of its median is named in {@link #source()}. */
    static final double WIDE_SPREAD = 0.5;
    /** Overrides the cache directory (tests). */
    public static final String CACHE_DIR_PROPERTY = "syscost.cache.dir";

    /** The cached calibration if fresh for this kernel and CPU, else a new one (then cached). */
    public static Calibration load(boolean recalibrate, Progress progress, Runnable beforeMeasuring) {
        Path file = cacheFile();
        if (!recalibrate) {
            Optional<Calibration> cached = read(file).filter(Calibration::fresh);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        beforeMeasuring.run();
        Calibration c = measure(progress);
        c.save(file);
        return c;
    }

    /**
     * Measures the probes now: {@code measure}'s default trials (15 of 40 ms each, so a trial averages
     * over the machine's load as the profiled command's wall time does), once per week.
     */
    static Calibration measure(Progress progress) {
        MeasureResult r = Measure.run(MeasureConfig.defaults().withVerifyKernelEntries(false).withProbes(PROBES), progress);
        Map<String, Double> ns = new TreeMap<>();
        List<String> wide = new java.util.ArrayList<>();
        for (ProbeResult p : r.probes()) {
            if (p.available() && !p.id().equals("ffm_downcall")) {
                ns.put(p.id(), p.medianNs() / Math.max(1, p.kernelEntriesPerCall()));
                if (p.relativeSpread() > WIDE_SPREAD) {
                    wide.add(String.format(java.util.Locale.ROOT, "%s (p10–p90 %.0f%% of the median)", p.id(), 100 * p.relativeSpread()));
                }
            }
        }
        double downcall = r.probe("ffm_downcall").filter(ProbeResult::available).map(ProbeResult::medianNs).orElse(0.0);
        String source = "syscost measure (" + r.probes().get(0).trials() + " trials per probe): median ns per kernel entry"
                + (wide.isEmpty() ? "" : "; wide spread: " + String.join(", ", wide));
        return new Calibration(currentKernel(), currentCpuModel(), Instant.now().toString(), source, downcall, ns, Map.of());
    }

    /** This calibration with the perturbation of {@code backend} recorded. */
    public Calibration withPerturbation(String backend, Perturbation.Estimate e) {
        Map<String, Double> p = new LinkedHashMap<>(perturbationNs);
        p.put(backend, e.medianNs());
        Map<String, List<Double>> spread = new LinkedHashMap<>(perturbationP10P90Ns);
        spread.put(backend, List.of(e.p10Ns(), e.p90Ns()));
        return new Calibration(kernel, cpuModel, measuredAt, source, downcallNs, probeNs, Map.copyOf(p), Map.copyOf(spread));
    }

    /** The stored perturbation estimate of a backend, if measured. */
    public java.util.Optional<Perturbation.Estimate> perturbation(String backend) {
        Double m = perturbationNs.get(backend);
        List<Double> s = perturbationP10P90Ns.get(backend);
        return m == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Perturbation.Estimate(m, s == null ? m : s.get(0), s == null ? m : s.get(1)));
    }

    /** Older than this, a calibration taken while the machine was noisy is measured again. */
    static final Duration MAX_AGE_NOISY = Duration.ofHours(1);

    /**
     * Fresh for this kernel and CPU: a week, or an hour when some probe's spread was wide (a busy machine
     * inflates prices, and the next profile should not keep paying for that).
     */
    boolean fresh() {
        Duration maxAge = noisy() ? MAX_AGE_NOISY : MAX_AGE;
        return currentKernel().equals(kernel) && currentCpuModel().equals(cpuModel) && measuredAt != null
                && Instant.parse(measuredAt).plus(maxAge).isAfter(Instant.now());
    }

    /** Whether some probe's p10–p90 spread exceeded {@link #WIDE_SPREAD} when this was measured. */
    boolean noisy() {
        return source != null && source.contains("; wide spread: ");
    }

    /** Where the calibration is cached: {@code ${XDG_CACHE_HOME:-~/.cache}/syscost/profile-calibration.properties}. */
    public static Path cacheFile() {
        String override = System.getProperty(CACHE_DIR_PROPERTY);
        if (override != null) {
            return Path.of(override, "profile-calibration.properties");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("syscost").resolve("profile-calibration.properties");
    }

    /**
     * The cached calibration, or empty when absent or unreadable. A flat properties file, not JSON: reading
     * it must not pay for Jackson's start-up (a third of the classes `profile -- /bin/true` loaded).
     */
    static Optional<Calibration> read(Path file) {
        Properties p = new Properties();
        try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
            Map<String, Double> probes = new TreeMap<>();
            Map<String, Double> perturbation = new TreeMap<>();
            Map<String, List<Double>> spread = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("probeNs.")) {
                    probes.put(key.substring(8), Double.parseDouble(p.getProperty(key)));
                } else if (key.startsWith("perturbationNs.")) {
                    String backend = key.substring(15);
                    perturbation.put(backend, Double.parseDouble(p.getProperty(key)));
                    String p10 = p.getProperty("perturbationP10Ns." + backend);
                    String p90 = p.getProperty("perturbationP90Ns." + backend);
                    if (p10 != null && p90 != null) {
                        spread.put(backend, List.of(Double.parseDouble(p10), Double.parseDouble(p90)));
                    }
                }
            }
            String kernel = p.getProperty("kernel");
            String downcall = p.getProperty("downcallNs");
            if (kernel == null || downcall == null || probes.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Calibration(kernel, p.getProperty("cpuModel"), p.getProperty("measuredAt"),
                    p.getProperty("source"), Double.parseDouble(downcall), Map.copyOf(probes), Map.copyOf(perturbation),
                    Map.copyOf(spread)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Saves to the cache; a cache that cannot be written only costs a new calibration next time. */
    public void save(Path file) {
        Properties p = new Properties();
        put(p, "kernel", kernel);
        put(p, "cpuModel", cpuModel);
        put(p, "measuredAt", measuredAt);
        put(p, "source", source);
        p.setProperty("downcallNs", Double.toString(downcallNs));
        probeNs.forEach((k, v) -> p.setProperty("probeNs." + k, Double.toString(v)));
        perturbationNs.forEach((k, v) -> p.setProperty("perturbationNs." + k, Double.toString(v)));
        perturbationP10P90Ns.forEach((k, v) -> {
            p.setProperty("perturbationP10Ns." + k, Double.toString(v.get(0)));
            p.setProperty("perturbationP90Ns." + k, Double.toString(v.get(1)));
        });
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".calibration", ".tmp");
            try (java.io.Writer out = Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8)) {
                p.store(out, "syscost profile: this machine's per-syscall prices (delete to measure them again)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // not fatal: the figures were measured; they are just not kept
        }
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    static String currentKernel() {
        try {
            return ProcFiles.read(Path.of("/proc/sys/kernel/osrelease")).strip() + " "
                    + ProcFiles.read(Path.of("/proc/sys/kernel/version")).strip();
        } catch (IOException e) {
            return System.getProperty("os.version");
        }
    }

    static String currentCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown")
                    + " x" + Runtime.getRuntime().availableProcessors();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The cached calibration of this kernel and CPU, however old: for live views ({@code top},
     * {@code serve --node}) that must not spend 20 s measuring at every start; its age is shown beside it.
     */
    public static Optional<Calibration> cachedForThisMachine() {
        return read(cacheFile()).filter(c -> currentKernel().equals(c.kernel()) && currentCpuModel().equals(c.cpuModel()));
    }

    /** A calibration of this kernel and CPU, measured now, from given prices (seeding the cache in tests). */
    public static Calibration forThisMachine(String source, double downcallNs, Map<String, Double> probeNs) {
        return new Calibration(currentKernel(), currentCpuModel(), Instant.now().toString(), source, downcallNs, probeNs, Map.of());
    }
}
