package dev.syscost.indirect;

import dev.syscost.env.Environment;
import dev.syscost.indirect.IndirectResult.Baseline;
import dev.syscost.indirect.IndirectResult.Cell;
import dev.syscost.indirect.IndirectResult.DirectCost;
import dev.syscost.indirect.IndirectResult.Settings;
import dev.syscost.indirect.PmuReport.PmuCell;
import dev.syscost.indirect.PmuReport.PmuPerUnit;
import dev.syscost.report.Progress;
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
        BitSet savedAffinity = Libc.affinity(0);
        Integer pinned = config.pin() ? pin(warnings) : null;
        try (Schedule schedule = new Schedule(config.disturbers().contains(Disturber.PREAD_4K));
             PmuSession pmu = PmuSession.open()) {
            return measure(config, progress, schedule, pmu, pinned, warnings, t0);
        } finally {
            if (pinned != null) {
                Libc.setAffinity(0, savedAffinity);
            }
        }
    }

    private static IndirectResult measure(IndirectConfig config, Progress progress, Schedule schedule, PmuSession pmu,
                                          Integer pinned, List<String> warnings, long t0) {
        progress.step(0, config.rounds(), "warm-up", "building working sets, compiling the loops");
        List<ChaseTable> tables = config.workingSetsBytes().stream()
                .map(ws -> new ChaseTable(ws, config.seed() ^ ws)).toList();
        Warmup.run(schedule, tables, config);
        progress.step(0, config.rounds(), "calibration", "direct costs and spin control");
        Calibration calibration = new Calibration(schedule);
        Map<Disturber, Double> directNs = new EnumMap<>(Disturber.class);
        Map<Disturber, Integer> spin = new EnumMap<>(Disturber.class);
        Map<Disturber, Integer> calls = new EnumMap<>(Disturber.class);
        for (Disturber d : config.disturbers()) {
            double ns = calibration.directNs(Schedule.modeOf(d), 0);
            directNs.put(d, ns);
            spin.put(d, calibration.spinIterationsFor(ns));
            calls.put(d, Calibration.callsFor(ns));
        }
        List<Rounds.Group> groups = Grid.groups(config, tables, schedule, directNs);
        Rounds rounds = new Rounds(schedule, pmu, spin, calls, config.seed());
        rounds.run(groups, config.rounds(), progress);
        return assemble(config, groups, rounds, spin, pmu, pinned, warnings, t0);
    }

    private static IndirectResult assemble(IndirectConfig config, List<Rounds.Group> groups, Rounds rounds,
                                           Map<Disturber, Integer> spin, PmuSession pmu, Integer pinned,
                                           List<String> warnings, long t0) {
        List<DirectCost> direct = new ArrayList<>();
        for (Disturber d : config.disturbers()) {
            direct.add(directCost(d, groups, spin.get(d), warnings));
        }
        List<Baseline> baselines = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (Rounds.Group g : groups) {
            Estimate base = Estimate.of(rounds.baseNsPerUnit.get(g));
            baselines.add(new Baseline(g.workload().id(), g.table().workingSetBytes, base,
                    base.median() / Schedule.STEPS_PER_UNIT));
            g.cells().forEach(c -> cells.add(CellEstimates.of(c)));
        }
        warnSpread(cells, warnings);
        PmuReport pmuReport = pmuReport(groups, rounds, pmu);
        Settings settings = new Settings(config.workingSetsBytes(), config.ks(),
                config.disturbers().stream().map(Disturber::id).toList(), config.workloads().stream().map(Workload::id).toList(),
                config.rounds(), config.runMs(), Schedule.STEPS_PER_UNIT, config.quick(), pinned, config.seed(),
                (System.nanoTime() - t0) / 1e9);
        return new IndirectResult(IndirectResult.SCHEMA, Environment.detect(), settings, direct, baselines, cells,
                pmuReport, SummaryLines.of(cells, direct), warnings);
    }

    /** Pools every round's direct measurements of {@code d} over all cells that use it. */
    private static DirectCost directCost(Disturber d, List<Rounds.Group> groups, int spinIterations, List<String> warnings) {
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
        return new DirectCost(d.id(), sysNs, spinNs, spinIterations, ratio);
    }

    private static void warnSpread(List<Cell> cells, List<String> warnings) {
        long wide = cells.stream().filter(c -> c.nsPerUnitWithSyscall().relativeSpread() > 0.25).count();
        if (wide > 0) {
            warnings.add(wide + " of " + cells.size() + " cells have a wide spread across rounds (p10–p90 over 25% of the median);"
                    + " run with more --rounds or on a quieter machine");
        }
    }

    private static PmuReport pmuReport(List<Rounds.Group> groups, Rounds rounds, PmuSession pmu) {
        if (!pmu.available()) {
            return PmuReport.unavailable(pmu.reason());
        }
        List<PmuCell> cells = new ArrayList<>();
        for (Rounds.Group g : groups) {
            PmuPerUnit without = PmuDelta.median(rounds.pmuWithout.get(g));
            for (CellSamples c : g.cells()) {
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
