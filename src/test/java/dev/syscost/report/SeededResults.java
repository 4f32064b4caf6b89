package dev.syscost.report;
import dev.syscost.batch.AmortizeResult;
import dev.syscost.batch.amortize.BatchPoint;
import dev.syscost.batch.amortize.BatchSection;
import dev.syscost.batch.amortize.BreakEven;
import dev.syscost.batch.amortize.ChunkPoint;
import dev.syscost.batch.amortize.JavaApiPoint;
import dev.syscost.batch.amortize.JavaApiSection;
import dev.syscost.batch.amortize.SlopeFit;
import dev.syscost.batch.amortize.TargetSweep;
import dev.syscost.batch.ipc.IpcResult;
import dev.syscost.batch.ipc.TransportResult;
import dev.syscost.bench.Decomposition;
import dev.syscost.bench.MeasureConfig;
import dev.syscost.bench.MeasureResult;
import dev.syscost.bench.Probe;
import dev.syscost.bench.ProbeResult;
import dev.syscost.bench.probe.Probes;
import dev.syscost.env.EnvResult;
import dev.syscost.env.Environment;
import dev.syscost.env.Fixtures;
import dev.syscost.indirect.Estimate;
import dev.syscost.indirect.IndirectResult;
import dev.syscost.indirect.PmuReport;
import dev.syscost.profile.Advice;
import dev.syscost.profile.Calibration;
import dev.syscost.profile.ProfileResult;
import dev.syscost.report.compare.Comparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every result kind built as a typed record from a seed (no JSON fixture in between), so a renamed or
 * added record field is a compile error here and a golden-file diff in {@link RecordGoldenTest}. The
 * environment is the Skylake fixture machine's /proc and /sys, detected as on a real run. Numbers carry
 * fractions on purpose: a renderer that formats without {@code Locale.ROOT} shows a comma under de-DE.
 */
final class SeededResults {
    static final String MACHINE = "skylake-pti-baremetal";

    private final SplittableRandom random;

    SeededResults(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A value in [lo, hi) with three decimals. */
    private double d(double lo, double hi) {
        return Math.round((lo + random.nextDouble() * (hi - lo)) * 1000) / 1000.0;
    }

    private long l(long lo, long hi) {
        return random.nextLong(lo, hi);
    }

    private int i(int lo, int hi) {
        return random.nextInt(lo, hi);
    }

    private static Environment env() {
        return Fixtures.detect(MACHINE);
    }

    static EnvResult envResult() {
        return EnvResult.of(env());
    }

    MeasureResult measure() {
        List<ProbeResult> probes = new ArrayList<>();
        double base = d(0.8, 1.2);
        for (Probe p : Probes.all()) {
            if (p.id().equals("open_close")) {
                probes.add(ProbeResult.unavailable(p, "open(2) refused: EACCES (seeded)"));
                continue;
            }
            base = base * d(1.1, 2.5) + p.kernelEntriesPerCall() * d(60, 90);
            double median = Math.round(base * 1000) / 1000.0;
            double spread = d(0.01, 0.08);
            List<Double> trials = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
                trials.add(Math.round(median * (1 + spread * (random.nextDouble() - 0.5)) * 1000) / 1000.0);
            }
            Double entries = p.kernelEntriesPerCall() + (p.kernelEntriesPerCall() == 0 ? 0 : d(0, 0.01));
            probes.add(new ProbeResult(p.id(), p.description(), true, null, p.kernelEntriesPerCall(), entries,
                    Math.abs(entries - p.kernelEntriesPerCall()) <= 0.05, median, median * (1 - spread),
                    median * (1 + spread), new double[] {median * (1 - spread / 2), median * (1 + spread / 2)}, 0.938,
                    median * (1 - spread), median * (1 + spread * 1.5), spread, 5, l(100_000, 9_000_000),
                    random.nextBoolean(), trials));
        }
        MeasureConfig config = new MeasureConfig(true, 5, 8_000_000L, 300_000_000L, -1, true, List.of());
        return new MeasureResult(MeasureResult.SCHEMA, new MeasureResult.Tool("0.1.0", "2026-01-02T03:04:05.678Z",
                l(1000, 9000)), config, env(), "not pinned (seeded)",
                new MeasureResult.KernelEntryCheck(true, "perf_event_open counting raw_syscalls:sys_enter", null),
                List.copyOf(probes), Decomposition.of(probes), List.of("quick mode: seeded warning"), List.of());
    }

    ProfileResult profile() {
        String[] names = {"futex", "read", "write", "epoll_wait", "getppid"};
        int[] numbers = {202, 0, 1, 232, 110};
        long total = 0;
        long[] counts = new long[names.length];
        for (int n = 0; n < names.length; n++) {
            counts[n] = l(1_000, 2_000_000) / (n + 1);
            total += counts[n];
        }
        double wall = d(1, 9);
        List<ProfileResult.Syscall> lines = new ArrayList<>();
        double taxSeconds = 0;
        for (int n = 0; n < names.length; n++) {
            double cost = n == 0 ? d(80, 120) : n == 4 ? Double.NaN : d(90, 400);
            double tax = Double.isNaN(cost) ? Double.NaN : counts[n] * cost / 1e9;
            taxSeconds += Double.isNaN(tax) ? 0 : tax;
            lines.add(new ProfileResult.Syscall(names[n], numbers[n], counts[n], counts[n] / (double) total,
                    counts[n] / wall, cost, n == 0 ? "invalid_syscall (entry floor)" : n == 4 ? "unavailable"
                            : "read_1b_dev_zero", tax));
        }
        Calibration calibration = new Calibration("6.8.0-seeded", "Seeded CPU", "2026-01-02T03:04:05Z", "measure",
                d(5, 15), Map.of("invalid_syscall", d(60, 90), "getppid", d(90, 120)), Map.of("bpf", d(15, 30)),
                Map.of("bpf", List.of(d(10, 15), d(30, 35))));
        double perturbation = d(15, 30);
        double userCpu = d(0.1, 1);
        double systemCpu = d(0.1, 1);
        double perturbationSeconds = total * perturbation / 1e9;
        double bound = Math.max(0, userCpu + systemCpu - perturbationSeconds);
        double bounded = Math.min(taxSeconds, bound);
        ProfileResult.Tax tax = new ProfileResult.Tax(taxSeconds, true, bounded, bound, "cpu", taxSeconds <= bound,
                bound > 0 ? bounded / (userCpu + systemCpu) : null, bounded / wall, d(0.1, 0.9), perturbation,
                perturbationSeconds, wall - perturbationSeconds, Math.max(0, systemCpu - perturbationSeconds), List.of("futex"),
                calibration, "Σ count × price per syscall (seeded)");
        return new ProfileResult(ProfileResult.SCHEMA, env(),
                new ProfileResult.Target("run", List.of("seeded-workload", "--fast"), 4242, 0, false),
                new ProfileResult.BackendInfo("bpf", "eBPF counting on raw_syscalls:sys_enter (seeded)", null,
                        List.of("seeded limit"), null, "raw tracepoint (seeded)", 0.004, 0.002,
                        "other processes pay the hook too (seeded)"),
                wall, userCpu, systemCpu, total, total / wall, List.copyOf(lines), l(1, 500), "seeded table",
                tax, new ProfileResult.Io(counts[1], counts[2], counts[1] * 4096, counts[2] * 17, 4096.0, 17.0,
                        l(10, 900), l(1, 90), null),
                new ProfileResult.CrossCheck(total, total, true, null),
                List.of(new Advice.Item("futex-storm", "≥ 50,000 futex calls/s", "seeded 123,456/s",
                        "lock contention (seeded advice)")),
                List.of("seeded warning"));
    }

    AmortizeResult amortize() {
        List<Long> sizes = List.of(1L, 64L, 4096L, 65536L);
        List<TargetSweep> sweeps = new ArrayList<>();
        Map<String, BreakEven> breakEven = new LinkedHashMap<>();
        for (String target : List.of("devnull", "pipe")) {
            double intercept = d(150, 900);
            double slope = d(0.01, 0.2);
            List<ChunkPoint> points = new ArrayList<>();
            for (long size : sizes) {
                double ns = intercept + slope * size;
                points.add(new ChunkPoint(size, l(1000, 100_000), 5, ns, ns * 0.97, ns * 1.04, ns / size,
                        size / ns, (1 << 20) / (double) size, d(1, 1.01), (1 << 20) / (double) size,
                        intercept / ns));
            }
            SlopeFit fit = new SlopeFit(slope, intercept, sizes, d(0.9, 1), slope / 20, true);
            sweeps.add(new TargetSweep(target, target + " (seeded)", target.equals("pipe") ? 65536 : 0,
                    List.copyOf(points), fit));
            breakEven.put(target, new BreakEven(4096L, 65536L, intercept / slope, 19 * intercept / slope,
                    "seeded note"));
        }
        List<BatchPoint> batch = new ArrayList<>();
        for (int n : new int[] {1, 8, 64}) {
            double ns = d(200, 900) / n + d(20, 40);
            batch.add(new BatchPoint(n == 1 ? "write" : "writev", n, ns, ns * 0.96, ns * 1.05, 1.0 / n, 1.0 / n,
                    null));
        }
        List<BatchSection> batched = List.of(
                new BatchSection("writev", "/dev/null", 64, true, null, "entries counted (seeded)", List.copyOf(batch)),
                new BatchSection("sendmmsg", "udp loopback", 64, true, null, "entries counted (seeded)",
                        List.of(new BatchPoint("sendmmsg", 16, d(100, 300), d(90, 100), d(300, 400), 1.0 / 16,
                                1.0 / 16, d(0.9, 1)))),
                new BatchSection("io_uring", "/dev/null", 64, false, "io_uring_setup: ENOSYS (seeded)", null, List.of()));
        JavaApiSection java = new JavaApiSection("file", "entries counted (seeded)", List.of(
                new JavaApiPoint("FileOutputStream.write", 64, d(300, 900), d(250, 300), d(900, 1000), d(50, 200),
                        d(1, 1.01)),
                new JavaApiPoint("BufferedOutputStream(8 KiB)", 64, d(10, 50), d(9, 10), d(50, 60), d(900, 2000),
                        d(0.007, 0.008))));
        return new AmortizeResult(AmortizeResult.SCHEMA, env(), new AmortizeResult.Settings(sizes,
                List.of("devnull", "pipe"), List.of("chunks", "batch", "java"), "devnull", 5, d(2, 9), true),
                List.copyOf(sweeps), breakEven, batched, java, d(1, 20), List.of("seeded warning"));
    }

    IpcResult ipc() {
        List<TransportResult> transports = new ArrayList<>();
        for (String name : List.of("pipe", "unix-stream", "eventfd-shm")) {
            for (int size : new int[] {64, 4096, 1 << 20}) {
                long p50 = l(800, 40_000) * (size >= 4096 ? 3 : 1);
                transports.add(new TransportResult(name, size, true, null, name + " (seeded)", "different-cores", 0,
                        1, l(10_000, 90_000), p50, p50 * 3, p50 * 9, p50 / 2, p50 * 40, d(0.01, 0.1),
                        l(100_000, 900_000), d(1e5, 5e6), d(10, 5000), d(0.01, 0.2), d(1, 2.1), d(2, 4.2),
                        "counted (seeded)"));
            }
        }
        transports.add(new TransportResult("tcp-loopback", 64, false, "socket: EAFNOSUPPORT (seeded)", "tcp",
                "different-cores", 0, 1, 0, null, null, null, null, null, null, 0, null, null, null, null, null, null));
        return new IpcResult(IpcResult.SCHEMA, env(), true, "different-cores", 0, 1, 5, 100_000, 250,
                "closed-loop ping-pong (seeded)", "one-way (seeded)", "raw_syscalls:sys_enter (seeded)",
                transports, List.of("seeded warning"));
    }

    private Estimate estimate(double lo, double hi) {
        double m = d(lo, hi);
        double w = Math.abs(m) * d(0.02, 0.2) + 0.5;
        return new Estimate(m, m - w, m + w, 0.938, m - w * 1.3, m + w * 1.3, i(5, 30));
    }

    IndirectResult indirect() {
        List<Long> sets = List.of(16_384L, 4_194_304L);
        List<Integer> ks = List.of(64, 4096);
        List<String> disturbers = List.of("getppid", "write_1b");
        List<String> workloads = List.of("chase");
        List<IndirectResult.DirectCost> direct = new ArrayList<>();
        for (String dist : disturbers) {
            direct.add(new IndirectResult.DirectCost(dist, estimate(100, 400), estimate(100, 400), i(100, 900),
                    d(0.9, 1.1), d(1, 1.01), d(0, 0.01)));
        }
        List<IndirectResult.Baseline> baselines = new ArrayList<>();
        List<IndirectResult.Cell> cells = new ArrayList<>();
        List<PmuReport.PmuCell> pmu = new ArrayList<>();
        for (String w : workloads) {
            for (long ws : sets) {
                baselines.add(new IndirectResult.Baseline(w, ws, estimate(100, 5000), d(1, 80)));
                for (String dist : disturbers) {
                    for (int k : ks) {
                        boolean resolvable = random.nextInt(4) != 0;
                        cells.add(new IndirectResult.Cell(w, dist, ws, k, i(100, 9000), estimate(100, 5000),
                                estimate(100, 5000), d(1e3, 9e5), estimate(-50, 900), estimate(-50, 900),
                                estimate(-20, 20), estimate(-10, 300), resolvable,
                                resolvable ? "seeded verdict" : "not resolvable", estimate(0, 200),
                                estimate(0, 700), i(5, 400), d(0.1, 64), estimate(0, 40)));
                        PmuReport.PmuPerUnit without = perUnit();
                        pmu.add(new PmuReport.PmuCell(w, dist, ws, k, without, perUnit(), perUnit()));
                    }
                }
            }
        }
        return new IndirectResult(IndirectResult.SCHEMA, env(), new IndirectResult.Settings(sets, ks, disturbers,
                workloads, 7, 20, d(1, 9), 30.0, 64, true, 1, 42L, d(0, 0.5), d(5, 30)), direct, baselines, cells,
                new PmuReport(true, null, List.of("cycles", "instructions"), List.of("dTLB-load-misses"),
                        List.copyOf(pmu)),
                List.of("seeded summary line"), List.of("seeded warning"));
    }

    private PmuReport.PmuPerUnit perUnit() {
        return new PmuReport.PmuPerUnit(d(100, 9000), d(100, 9000), d(0.5, 3), d(0, 90), d(0, 9), null, d(0, 5),
                d(1, 1.5));
    }

    /** Two seeded measure runs compared, as {@code syscost compare a.json b.json} does after reading them. */
    static Comparison compare() {
        MeasureResult a = new SeededResults(1).measure();
        MeasureResult b = new SeededResults(2).measure();
        return Compare.compare(Json.MAPPER.valueToTree(a), "a.json", Json.MAPPER.valueToTree(b), "b.json");
    }

}
