package dev.syscost.report.indirect;

import dev.syscost.indirect.Estimate;
import dev.syscost.indirect.IndirectResult.Baseline;
import dev.syscost.indirect.IndirectResult.Cell;
import dev.syscost.indirect.IndirectResult.DirectCost;
import dev.syscost.indirect.IndirectResult;
import dev.syscost.indirect.SizeParser;
import dev.syscost.report.format.Printed;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The terminal rendering of {@code syscost indirect}: direct costs, baselines, the rate × working-set grids, summary. */
public final class IndirectText {
    private IndirectText() {}

    /** The whole report as text. */
    public static String render(IndirectResult r) {
        return Printed.of(out -> print(r, out));
    }

    /** Writes the whole report. */
    public static void print(IndirectResult r, PrintWriter out) {
        out.println("syscost indirect — the cold-cache bill: extra user time per syscall beyond its direct cost,"
                + " net of a spin control of equal length");
        r.env().summaryLines().forEach(l -> out.println("  " + l));
        IndirectResult.Settings s = r.config();
        out.printf(Locale.ROOT, "  %d rounds (of at most %d in %.0f s), runs of ~%.1f ms, %d chase steps per unit, %s, %.1f s%s%n",
                s.rounds(), s.maxRounds(), s.budgetSec(), s.runMs(), s.stepsPerUnit(),
                s.pinnedCpu() == null ? "not pinned" : "pinned to CPU " + s.pinnedCpu(), s.elapsedSec(),
                s.quick() ? " (--quick: coarse)" : "");
        out.printf(Locale.ROOT, "  each run's median interval (preemptions and interrupts left out, alike in every mode);"
                + " kernel entries per baseline interval: %s%n", num(s.baselineKernelEntriesPerInterval()));
        out.println();
        printDirect(r.direct(), out);
        printBaselines(r.baselines(), out);
        for (String workload : s.workloads()) {
            for (String disturber : s.disturbers()) {
                printGrid(r, workload, disturber, out);
            }
        }
        printPmu(r, out);
        out.println("Summary:");
        r.summary().forEach(l -> out.println("  " + l));
        if (!r.warnings().isEmpty()) {
            out.println();
            r.warnings().forEach(w -> out.println("WARNING: " + w));
        }
    }

    private static void printDirect(List<DirectCost> direct, PrintWriter out) {
        out.println("Direct cost (the call alone, back to back) and the spin control calibrated to it:");
        out.printf(Locale.ROOT, "  %-12s %10s %16s %10s %9s %12s %12s%n", "disturber", "direct ns", "95% CI", "spin ns",
                "spin/dir", "entries/call", "entries/spin");
        for (DirectCost d : direct) {
            Estimate e = d.directNs();
            out.printf(Locale.ROOT, "  %-12s %10.0f %16s %10.0f %9.2f %12s %12s%n", d.disturber(), e.median(), ci(e),
                    d.spinNs().median(), d.spinToDirectRatio(), num(d.kernelEntriesPerCall()), num(d.kernelEntriesPerSpin()));
        }
        out.println();
    }

    private static void printBaselines(List<Baseline> baselines, PrintWriter out) {
        out.println("Baseline (no syscalls): time per unit of work");
        out.printf(Locale.ROOT, "  %-8s %8s %14s %20s %10s%n", "workload", "set", "ns/unit", "95% CI", "ns/step");
        for (Baseline b : baselines) {
            out.printf(Locale.ROOT, "  %-8s %8s %14.1f %20s %10.2f%n", b.workload(), SizeParser.label(b.workingSetBytes()),
                    b.nsPerUnit().median(), ci(b.nsPerUnit()), b.nsPerStep());
        }
        out.println();
    }

    private static void printGrid(IndirectResult r, String workload, String disturber, PrintWriter out) {
        List<Long> sets = r.config().workingSetsBytes();
        out.printf(Locale.ROOT, "%s, %s: indirect ns per syscall (net of spin control) [%% of direct]; n.r. = not resolvable here%n",
                disturber, workload);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %6s", "K"));
        sets.forEach(ws -> head.append(String.format(Locale.ROOT, " %26s", SizeParser.label(ws))));
        out.println(head);
        for (int k : r.config().ks()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %6d", k));
            for (long ws : sets) {
                row.append(String.format(Locale.ROOT, " %26s", cellText(find(r.cells(), workload, disturber, ws, k))));
            }
            out.println(row);
        }
        out.println();
    }

    /** "85 [7%] @46K/s" or "n.r. @46K/s". */
    static String cellText(Cell c) {
        if (c == null) {
            return "-";
        }
        String rate = "@" + rate(c.syscallsPerSec()) + "/s";
        if (!c.resolvable()) {
            return "n.r. " + rate;
        }
        return String.format(Locale.ROOT, "%+.0f [%+.0f%%] %s", c.indirectNsPerSyscall().median(),
                c.indirectPercentOfDirect().median(), rate);
    }

    private static void printPmu(IndirectResult r, PrintWriter out) {
        if (!r.pmu().available()) {
            out.println("PMU mode: unavailable — " + r.pmu().reason());
            out.println();
            return;
        }
        out.println("PMU mode (user-only counters, extra per syscall = (with − without) × K):");
        out.printf(Locale.ROOT, "  %-8s %-12s %6s %6s %12s %10s %10s %10s %10s %10s%n", "workload", "disturber", "set", "K",
                "cycles", "ΔIPC", "L1D miss", "LLC miss", "dTLB miss", "br miss");
        for (var c : r.pmu().cells()) {
            var x = c.extraPerSyscall();
            out.printf(Locale.ROOT, "  %-8s %-12s %6s %6d %12s %10s %10s %10s %10s %10s%n", c.workload(), c.disturber(),
                    SizeParser.label(c.workingSetBytes()), c.k(), num(x.cycles()), num(x.ipc()), num(x.l1dMisses()),
                    num(x.llcMisses()), num(x.dtlbMisses()), num(x.branchMisses()));
        }
        out.println();
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.2f" : "%.0f", v);
    }

    private static String ci(Estimate e) {
        return String.format(Locale.ROOT, "%.0f..%.0f", e.ciLow(), e.ciHigh());
    }

    private static String rate(double perSec) {
        if (perSec >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", perSec / 1e6);
        }
        return perSec >= 1e3 ? String.format(Locale.ROOT, "%.0fK", perSec / 1e3) : String.format(Locale.ROOT, "%.0f", perSec);
    }

    private static Cell find(List<Cell> cells, String workload, String disturber, long ws, int k) {
        return cells.stream().filter(c -> c.workload().equals(workload) && c.disturber().equals(disturber)
                && c.workingSetBytes() == ws && c.k() == k).findFirst().orElse(null);
    }
}
