package dev.syscost.indirect;

import dev.syscost.indirect.PmuReport.PmuPerUnit;
import java.util.ArrayList;
import java.util.List;

/** The per-round raw measurements of one grid cell, filled by {@link Rounds}, turned into estimates by {@link CellEstimates}. */
final class CellSamples {
    final Workload workload;
    final ChaseTable table;
    final Disturber disturber;
    final int k;
    final int units;
    final double[] sysNsPerUnit;
    final double[] spinNsPerUnit;
    final double[] directSysNs;
    final double[] directSpinNs;
    final double[] baseNsPerUnit;
    final List<PmuPerUnit> pmuWith = new ArrayList<>();

    CellSamples(Workload workload, ChaseTable table, Disturber disturber, int k, int units, int rounds) {
        this.workload = workload;
        this.table = table;
        this.disturber = disturber;
        this.k = k;
        this.units = units;
        this.sysNsPerUnit = new double[rounds];
        this.spinNsPerUnit = new double[rounds];
        this.directSysNs = new double[rounds];
        this.directSpinNs = new double[rounds];
        this.baseNsPerUnit = new double[rounds];
    }

    /** Syscalls (or spins) in one run. */
    int disturbancesPerRun() {
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
