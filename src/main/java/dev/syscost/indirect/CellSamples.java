package dev.syscost.indirect;

import dev.syscost.indirect.PmuReport.PmuPerUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-round raw measurements of one grid cell, filled by {@link Rounds}, turned into estimates by
 * {@link CellEstimates}. Every time per unit includes the same clock reads (one per interval), which
 * cancel in every difference below.
 */
final class CellSamples {
    final Workload workload;
    final ChaseTable table;
    final Disturber disturber;
    final int k;
    /** Units per run, resized after each round to the measured speed (a whole number of intervals). */
    int units;
    /** The fewest intervals any run of this cell had. */
    int minIntervals = Integer.MAX_VALUE;
    double[] sysCallNs;
    double[] spinCallNs;
    double[] sysNsPerUnit;
    double[] spinNsPerUnit;
    double[] baseNsPerUnit;
    double[] directSysNs;
    double[] directSpinNs;
    final List<PmuPerUnit> pmuWith = new ArrayList<>();
    final List<PmuPerUnit> pmuWithout = new ArrayList<>();

    CellSamples(Workload workload, ChaseTable table, Disturber disturber, int k, int units, int rounds) {
        this.workload = workload;
        this.table = table;
        this.disturber = disturber;
        this.k = k;
        this.units = units;
        this.sysCallNs = new double[rounds];
        this.spinCallNs = new double[rounds];
        this.sysNsPerUnit = new double[rounds];
        this.spinNsPerUnit = new double[rounds];
        this.baseNsPerUnit = new double[rounds];
        this.directSysNs = new double[rounds];
        this.directSpinNs = new double[rounds];
    }

    /** Keeps the first {@code rounds} rounds (the run stopped early to stay within its time budget). */
    void truncate(int rounds) {
        sysCallNs = java.util.Arrays.copyOf(sysCallNs, rounds);
        spinCallNs = java.util.Arrays.copyOf(spinCallNs, rounds);
        sysNsPerUnit = java.util.Arrays.copyOf(sysNsPerUnit, rounds);
        spinNsPerUnit = java.util.Arrays.copyOf(spinNsPerUnit, rounds);
        baseNsPerUnit = java.util.Arrays.copyOf(baseNsPerUnit, rounds);
        directSysNs = java.util.Arrays.copyOf(directSysNs, rounds);
        directSpinNs = java.util.Arrays.copyOf(directSpinNs, rounds);
    }

    /** Intervals (syscalls, spins or clock reads) in one run. */
    int intervalsPerRun() {
        return units / k;
    }

    /** Per round: the answer, ((T_sys − T_spin) × K − (D_sys − D_spin)) ns per syscall. */
    double[] indirectNs() {
        double[] out = new double[sysNsPerUnit.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = (sysNsPerUnit[r] - spinNsPerUnit[r]) * k - (directSysNs[r] - directSpinNs[r]);
        }
        return out;
    }

    /** Per round: (T_sys − T_base) × K − D_sys, the indirect cost without the spin control. */
    double[] beforeSpinNs() {
        double[] out = new double[sysNsPerUnit.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = (sysNsPerUnit[r] - baseNsPerUnit[r]) * k - directSysNs[r];
        }
        return out;
    }

    /** Per round: (T_spin − T_base) × K − D_spin, what the delay alone costs. */
    double[] spinEffectNs() {
        double[] out = new double[sysNsPerUnit.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = (spinNsPerUnit[r] - baseNsPerUnit[r]) * k - directSpinNs[r];
        }
        return out;
    }

    /**
     * Per round: how much longer the syscall itself took inside the schedule than back to back, net of the
     * same for the spin — the kernel-side share of the answer (its code and data gone cold, the TLB refilled
     * on entry). The rest of the answer is user code running slower after the call returns.
     */
    double[] coldCallNs() {
        double[] out = new double[sysNsPerUnit.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = (sysCallNs[r] - spinCallNs[r]) - (directSysNs[r] - directSpinNs[r]);
        }
        return out;
    }

    /** Per round: the answer minus {@link #coldCallNs()}: user code's own slowdown after the call. */
    double[] userSlowdownNs() {
        double[] indirect = indirectNs();
        double[] cold = coldCallNs();
        double[] out = new double[indirect.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = indirect[r] - cold[r];
        }
        return out;
    }

    /** Per round: the answer as a percentage of that round's direct cost. */
    double[] percentOfDirect() {
        double[] indirect = indirectNs();
        double[] out = new double[indirect.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = 100 * indirect[r] / directSysNs[r];
        }
        return out;
    }
}
