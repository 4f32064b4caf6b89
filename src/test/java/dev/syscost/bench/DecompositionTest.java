package dev.syscost.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecompositionTest {
    static ProbeResult probe(String id, int entries, double median, double lo, double hi) {
        return new ProbeResult(id, id, true, null, entries, null, null, median, lo, hi, new double[] {lo, hi}, 0.95,
                lo, hi, (hi - lo) / median, 10, 1000, true, List.of());
    }

    @Test
    void shouldSubtractNeighboursWithConservativeIntervals() {
        List<ProbeResult> probes = List.of(
                probe("java_call", 0, 1, 0.9, 1.1),
                probe("ffm_downcall", 0, 11, 10, 12),
                probe("vdso_clock_gettime", 0, 20, 19, 21),
                probe("invalid_syscall", 1, 100, 95, 105),
                probe("getppid", 1, 120, 110, 130),
                probe("clock_gettime_syscall", 1, 150, 140, 160),
                probe("open_close", 2, 500, 480, 520));
        Decomposition d = Decomposition.of(probes);
        assertThat(d.ffmOverheadNs()).isCloseTo(10, within(1e-9));
        assertThat(d.entryExitFloorNs()).isCloseTo(89, within(1e-9));
        assertThat(d.vdsoSavingsNs()).isCloseTo(130, within(1e-9));
        assertThat(d.perSyscallWorkNs()).containsEntry("getppid", 20.0).containsEntry("open_close", 300.0);
        assertThat(d.getppidInJavaCalls()).isCloseTo(120, within(1e-9));
        Decomposition.Term floor = d.terms().stream().filter(t -> t.name().equals("entry_exit_floor")).findFirst().orElseThrow();
        assertThat(floor.ci95Ns()).containsExactly(95 - 12, 105 - 10);
        Decomposition.Term oc = d.terms().stream().filter(t -> t.name().equals("work_open_close")).findFirst().orElseThrow();
        assertThat(oc.ci95Ns()).containsExactly(480 - 2 * 105, 520 - 2 * 95);
        assertThat(oc.resolved()).isTrue();
        Decomposition.Term getppid = d.terms().stream().filter(t -> t.name().equals("work_getppid")).findFirst().orElseThrow();
        assertThat(getppid.ci95Ns()).containsExactly(110 - 105, 130 - 95);
        Decomposition close = Decomposition.of(List.of(probe("invalid_syscall", 1, 100, 95, 105),
                probe("getppid", 1, 101, 96, 106)));
        assertThat(close.terms().get(0).resolved()).isFalse();
    }

    @Test
    void shouldLeaveOutTermsWhoseProbesDidNotRun() {
        Decomposition d = Decomposition.of(List.of(probe("getppid", 1, 120, 110, 130)));
        assertThat(d.ffmOverheadNs()).isNull();
        assertThat(d.entryExitFloorNs()).isNull();
        assertThat(d.perSyscallWorkNs()).isEmpty();
        assertThat(d.terms()).isEmpty();
    }
}
