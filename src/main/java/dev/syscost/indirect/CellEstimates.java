package dev.syscost.indirect;

import dev.syscost.indirect.IndirectResult.Cell;
import java.util.Locale;

/** Turns one cell's per-round measurements into its estimates and verdict. */
final class CellEstimates {
    static final String NOT_RESOLVABLE = "not resolvable here";

    private CellEstimates() {}

    static final int PAGE_BYTES = 4096;

    /**
     * The expected number of distinct 4 KiB pages of the working set that one interval's chase steps
     * touch: the steps visit distinct random lines (one cycle), so a page of m lines is missed with the
     * hypergeometric probability C(L−m, s) / C(L, s). Used to express the answer per page touched.
     */
    static double expectedPagesTouched(long workingSetBytes, int k) {
        long lines = workingSetBytes / ChaseTable.LINE_BYTES;
        long pages = Math.max(1, workingSetBytes / PAGE_BYTES);
        long perPage = lines / pages;
        long steps = Math.min(lines, (long) k * Schedule.STEPS_PER_UNIT);
        double missed = 1;
        for (long i = 0; i < perPage && missed > 0; i++) {
            missed *= Math.max(0, (double) (lines - steps - i) / (lines - i));
        }
        return pages * (1 - missed);
    }

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
                Estimate.of(s.coldCallNs()), Estimate.of(s.userSlowdownNs()), s.minIntervals,
                expectedPagesTouched(s.table.workingSetBytes, s.k),
                indirect.scaled(1 / expectedPagesTouched(s.table.workingSetBytes, s.k)));
    }

    /** "+85 ns (95% CI 40..130)" or "not resolvable here (95% CI −30..60 ns)". */
    static String verdict(Estimate e, boolean resolvable) {
        String ci = String.format(Locale.ROOT, "%.0f%% CI %.0f..%.0f ns", 100 * e.ciCoverage(), e.ciLow(), e.ciHigh());
        return resolvable
                ? String.format(Locale.ROOT, "%+.0f ns per syscall (%s)", e.median(), ci)
                : NOT_RESOLVABLE + " (" + ci + ")";
    }
}
