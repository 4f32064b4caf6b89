package dev.syscost.indirect;

import dev.syscost.env.Environment;
import dev.syscost.indirect.IndirectResult.Baseline;
import dev.syscost.indirect.IndirectResult.Cell;
import dev.syscost.indirect.IndirectResult.DirectCost;
import dev.syscost.indirect.IndirectResult.Settings;
import dev.syscost.indirect.PmuReport.PmuCell;
import dev.syscost.indirect.PmuReport.PmuPerUnit;
import dev.syscost.progress.Progress;
import dev.syscost.sys.Libc;
import dev.syscost.sys.NativeException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code syscost indirect}: how much slower user code runs after a syscall — the cold-cache bill —
 * measured against a spin control of equal length, with a 95% interval per cell.
 */
public final class Indirect {
    private Indirect() {}

    /** Measures the grid of {@code config}; progress on {@code progress}. */
    public static IndirectResult run(IndirectConfig config, Progress progress) {
        config.validate();
        long t0 = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        Environment env = Environment.detect();
        BitSet savedAffinity = Libc.affinity(0);
        Integer pinned = config.pin() ? pin(warnings) : null;
        try (Schedule schedule = new Schedule(config.disturbers().contains(Disturber.PREAD_4K));
             PmuSession pmu = PmuSession.open()) {
            return measure(config, progress, schedule, pmu, new Context(env, pinned, warnings, t0));
        } finally {
            if (pinned != null) {
                Libc.setAffinity(0, savedAffinity);
            }
        }
    }

    /** What the run carries from start to result. */
    private record Context(Environment env, Integer pinned, List<String> warnings, long t0) {}

    private static IndirectResult measure(IndirectConfig config, Progress progress, Schedule schedule, PmuSession pmu,
                                          Context ctx) {
        progress.step(0, config.rounds(), "warm-up", "building working sets, compiling the loops");
        List<ChaseTable> tables = config.workingSetsBytes().stream()
                .map(ws -> new ChaseTable(ws, config.seed() ^ ws)).toList();
        Warmup.run(schedule, tables, config);
        progress.step(0, config.rounds(), "calibration", "direct costs and spin control");
        Calibrated cal = calibrate(config, schedule, tables.get(0));
        List<Rounds.Group> groups = Grid.groups(config, tables, schedule, cal.directNs());
        Rounds rounds = new Rounds(schedule, pmu, cal.spin(), cal.chunks(), groups, config.runMs() * 1e6, config.seed());
        long deadline = ctx.t0() + (long) (config.budgetSec() * 1e9);
        int done = rounds.run(groups, config.rounds(), IndirectConfig.MIN_ROUNDS, deadline, progress);
        groups.forEach(g -> g.cells().forEach(c -> c.truncate(done)));
        List<DirectCost> direct = new ArrayList<>();
        for (Disturber d : config.disturbers()) {
            direct.add(directCost(d, groups, cal.spin().get(d), cal.entries().get(d), ctx.warnings()));
        }
        return assemble(config, groups, direct, pmu, cal.baseEntries(), done, ctx);
    }

    /** Per disturber: direct cost, spin iterations, direct-sample size, and kernel entries per call and per spin. */
    private record Calibrated(Map<Disturber, Double> directNs, Map<Disturber, Integer> spin, Map<Disturber, Integer> chunks,
                              Map<Disturber, Double[]> entries, Double baseEntries) {}

    private static Calibrated calibrate(IndirectConfig config, Schedule schedule, ChaseTable table) {
        Calibration calibration = new Calibration(schedule);
        Calibrated c = new Calibrated(new EnumMap<>(Disturber.class), new EnumMap<>(Disturber.class),
                new EnumMap<>(Disturber.class), new EnumMap<>(Disturber.class),
                calibration.kernelEntriesPerInterval(table, Schedule.MODE_NONE, 0));
        for (Disturber d : config.disturbers()) {
            int mode = Schedule.modeOf(d);
            double ns = calibration.directNs(mode, 0);
            int spin = calibration.spinIterationsFor(ns);
            c.directNs().put(d, ns);
            c.spin().put(d, spin);
            c.chunks().put(d, Calibration.chunksFor(ns));
            c.entries().put(d, new Double[] {calibration.kernelEntriesPerInterval(table, mode, 0),
                calibration.kernelEntriesPerInterval(table, Schedule.MODE_SPIN, spin)});
        }
        return c;
    }

    private static IndirectResult assemble(IndirectConfig config, List<Rounds.Group> groups, List<DirectCost> direct,
                                           PmuSession pmu, Double baseEntries, int done, Context ctx) {
        List<Baseline> baselines = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (Rounds.Group g : groups) {
            baselines.add(baseline(g));
            g.cells().forEach(c -> cells.add(CellEstimates.of(c)));
        }
        warnSpread(cells, ctx.warnings());
        Settings settings = new Settings(config.workingSetsBytes(), config.ks(),
                config.disturbers().stream().map(Disturber::id).toList(), config.workloads().stream().map(Workload::id).toList(),
                done, config.rounds(), config.runMs(), config.budgetSec(), Schedule.STEPS_PER_UNIT, config.quick(), ctx.pinned(), config.seed(),
                baseEntries, (System.nanoTime() - ctx.t0()) / 1e9);
        return new IndirectResult(IndirectResult.SCHEMA, ctx.env(), settings, direct, baselines, cells,
                pmuReport(groups, pmu), SummaryLines.of(cells, direct), ctx.warnings());
    }

    /** The group's undisturbed time per unit: its largest-K cells' baseline runs, where the clock is read least often. */
    private static Baseline baseline(Rounds.Group g) {
        int maxK = g.cells().stream().mapToInt(c -> c.k).max().orElseThrow();
        double[] base = g.cells().stream().filter(c -> c.k == maxK)
                .flatMapToDouble(c -> java.util.Arrays.stream(c.baseNsPerUnit)).toArray();
        Estimate e = Estimate.of(base);
        return new Baseline(g.workload().id(), g.table().workingSetBytes, e, e.median() / Schedule.STEPS_PER_UNIT);
    }

    /** Pools every round's direct measurements of {@code d} over all cells that use it. */
    private static DirectCost directCost(Disturber d, List<Rounds.Group> groups, int spinIterations, Double[] entries,
                                         List<String> warnings) {
        List<CellSamples> cells = groups.stream().flatMap(g -> g.cells().stream()).filter(c -> c.disturber == d).toList();
        double[] sys = cells.stream().flatMapToDouble(c -> java.util.Arrays.stream(c.directSysNs)).toArray();
        double[] spin = cells.stream().flatMapToDouble(c -> java.util.Arrays.stream(c.directSpinNs)).toArray();
        Estimate sysNs = Estimate.of(sys);
        Estimate spinNs = Estimate.of(spin);
        double ratio = spinNs.median() / sysNs.median();
        if (Math.abs(ratio - 1) > 0.10) {
            warnings.add(String.format(Locale.ROOT, "%s: the spin control is %.0f%% of the direct cost, not within 10%%;"
                    + " the machine's speed drifted during the run (the answer still subtracts each round's own difference)",
                    d.id(), 100 * ratio));
        }
        if (sysNs.relativeSpread() > 0.5) {
            warnings.add(String.format(Locale.ROOT, "%s: direct cost varies widely across rounds (p10 %.0f ns, p90 %.0f ns);"
                    + " this machine is busy or its syscall path is noisy", d.id(), sysNs.p10(), sysNs.p90()));
        }
        return new DirectCost(d.id(), sysNs, spinNs, spinIterations, ratio, entries[0], entries[1]);
    }

    private static void warnSpread(List<Cell> cells, List<String> warnings) {
        long wide = cells.stream().filter(c -> c.nsPerUnitWithSyscall().relativeSpread() > 0.25).count();
        if (wide > 0) {
            warnings.add(wide + " of " + cells.size() + " cells have a wide spread across rounds (p10–p90 over 25% of the median);"
                    + " run with more --rounds or on a quieter machine");
        }
    }

    private static PmuReport pmuReport(List<Rounds.Group> groups, PmuSession pmu) {
        if (!pmu.available()) {
            return PmuReport.unavailable(pmu.reason());
        }
        List<PmuCell> cells = new ArrayList<>();
        for (Rounds.Group g : groups) {
            for (CellSamples c : g.cells()) {
                PmuPerUnit without = PmuDelta.median(c.pmuWithout);
                PmuPerUnit with = PmuDelta.median(c.pmuWith);
                cells.add(new PmuCell(c.workload.id(), c.disturber.id(), c.table.workingSetBytes, c.k, without, with,
                        PmuDelta.extraPerSyscall(without, with, c.k)));
            }
        }
        List<String> events = pmu.counters().events().stream().map(e -> e.key()).toList();
        return new PmuReport(true, "", events, pmu.counters().missing(), cells);
    }

    private static Integer pin(List<String> warnings) {
        try {
            int cpu = Libc.sched_getcpu();
            Libc.pinToCpu(0, cpu);
            return cpu;
        } catch (NativeException e) {
            warnings.add("could not pin the measuring thread (" + e.getMessage() + "); a migration mid-run cools its caches");
            return null;
        }
    }
}
