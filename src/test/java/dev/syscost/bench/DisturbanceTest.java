package dev.syscost.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.syscost.bench.DecompositionTest.probe;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A vDSO rung that costs like a kernel entry is flagged even when its trials agree (0.2% spread in the issue). */
class DisturbanceTest {
    @Test
    void shouldWarnWhenTheVdsoCostsLikeTheForcedSyscall() {
        List<ProbeResult> probes = List.of(probe("ffm_downcall", 0, 12, 11.9, 12.1),
                probe("vdso_clock_gettime", 0, 517, 516, 518), probe("clock_gettime_syscall", 1, 560, 555, 565));
        assertThat(Disturbance.vdsoJump(probes)).get().asString()
                .startsWith("vdso_clock_gettime costs 517 ns, 92% of the forced clock_gettime syscall (560 ns)");
        assertThat(Disturbance.warnings(probes, Decomposition.of(probes))).hasSize(1);
    }

    @Test
    void shouldNotWarnAtTheQuietVdsoCost() {
        List<ProbeResult> probes = List.of(probe("ffm_downcall", 0, 12, 11.9, 12.1),
                probe("vdso_clock_gettime", 0, 48, 47, 49), probe("clock_gettime_syscall", 1, 560, 555, 565));
        assertThat(Disturbance.vdsoJump(probes)).isEmpty();
    }

    @Test
    void shouldWarnWithoutTheForcedSyscallRungWhenTheVdsoCostsHundredsOfNs() {
        List<ProbeResult> probes = List.of(probe("ffm_downcall", 0, 12, 11.9, 12.1),
                probe("vdso_clock_gettime", 0, 517, 516, 518));
        assertThat(Disturbance.vdsoJump(probes)).get().asString().contains("over 250 ns beyond the FFM downcall");
    }

    @Test
    void shouldWarnThatANegativeFloorIsADisturbedMeasurement() {
        List<ProbeResult> probes = List.of(probe("ffm_downcall", 0, 120, 115, 125), probe("invalid_syscall", 1, 100, 95, 104));
        assertThat(Disturbance.warnings(probes, Decomposition.of(probes))).singleElement().asString()
                .startsWith("entry_exit_floor measured -20.0 ns (invalid_syscall − ffm_downcall), but cannot be negative");
    }
}
