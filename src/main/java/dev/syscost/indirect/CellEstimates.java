package dev.syscost.indirect;

import dev.syscost.indirect.IndirectResult.Cell;
import java.util.Locale;

/** Turns one cell's per-round measurements into its estimates and verdict. */
final class CellEstimates {
    static final String NOT_RESOLVABLE = "not resolvable here";

    private CellEstimates() {}

    static Cell of(CellSamples s) {
        Estimate indirect = Estimate.of(s.indirectNs());
        Estimate withSys = Estimate.of(s.sysNsPerUnit);
        double syscallsPerSec = 1e9 / (withSys.median() * s.k);
        boolean enough = s.minIntervals >= Grid.MIN_INTERVALS;
        boolean resolvable = enough && indirect.excludesZero();
        return new Cell(s.workload.id(), s.disturber.id(), s.table.workingSetBytes, s.k, s.units, withSys,
                Estimate.of(s.spinNsPerUnit), syscallsPerSec, indirect, Estimate.of(s.beforeSpinNs()),
                Estimate.of(s.spinEffectNs()), Estimate.of(s.percentOfDirect()), resolvable,
                enough ? verdict(indirect, resolvable) : NOT_RESOLVABLE + " (syscalls per run: " + s.minIntervals + ", fewer than the "
                        + Grid.MIN_INTERVALS + " needed to leave out a preemption; raise --run-ms)",
                Estimate.of(s.coldCallNs()), Estimate.of(s.userSlowdownNs()), s.minIntervals);
    }

    /** "+85 ns (95% CI 40..130)" or "not resolvable here (95% CI −30..60 ns)". */
    static String verdict(Estimate e, boolean resolvable) {
        String ci = String.format(Locale.ROOT, "%.0f%% CI %.0f..%.0f ns", 100 * e.ciCoverage(), e.ciLow(), e.ciHigh());
        return resolvable
                ? String.format(Locale.ROOT, "%+.0f ns per syscall (%s)", e.median(), ci)
                : NOT_RESOLVABLE + " (" + ci + ")";
    }
}
