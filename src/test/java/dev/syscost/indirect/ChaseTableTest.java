package dev.syscost.indirect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChaseTableTest {
    @Test
    void shouldLinkEveryLineInOneCycle() {
        ChaseTable t = new ChaseTable(256L << 10, 7);
        assertThat(t.lines).isEqualTo(4096);
        assertThat(t.cycleLength()).isEqualTo(t.lines);
    }

    @Test
    void shouldPointOnlyAtLineStarts() {
        ChaseTable t = new ChaseTable(16L << 10, 3);
        for (int line = 0; line < t.lines; line++) {
            assertThat(t.words[line * ChaseTable.INTS_PER_LINE] % ChaseTable.INTS_PER_LINE).isZero();
        }
    }

    @Test
    void shouldCountThePagesAnIntervalTouches() {
        // 16 KiB = 4 pages of 64 lines; 64 distinct random lines miss a page with probability C(192,64)/C(256,64).
        assertThat(CellEstimates.expectedPagesTouched(16L << 10, 1)).isBetween(3.9, 4.0);
        assertThat(CellEstimates.expectedPagesTouched(16L << 10, 4)).isEqualTo(4.0); // all 256 lines
        // 4 MiB = 1024 pages; 64 steps touch nearly 64 distinct pages, 4096 steps nearly all of them.
        assertThat(CellEstimates.expectedPagesTouched(4L << 20, 1)).isBetween(61.0, 64.0);
        assertThat(CellEstimates.expectedPagesTouched(4L << 20, 16)).isBetween(600.0, 700.0); // ≈ 1024 (1 − e^−1)
        assertThat(CellEstimates.expectedPagesTouched(4L << 20, 64)).isBetween(1000.0, 1024.0);
    }

    /**
     * The working set is really touched: a 32 MiB chase (far beyond L2, and its pages beyond the L1 dTLB)
     * takes measurably longer per unit than a 16 KiB one that lives in L1. The margin (1.5×) is far below
     * what any cache hierarchy gives (typically 10× or more) and is retried, since other builds share the CPU.
     */
    @Test
    void shouldRunSlowerPerUnitOnALargerWorkingSet() {
        ChaseTable small = new ChaseTable(16L << 10, 1);
        ChaseTable large = new ChaseTable(32L << 20, 2);
        double ratio = 0;
        try (Schedule s = new Schedule(false)) {
            for (int attempt = 0; attempt < 3 && ratio < 1.5; attempt++) {
                ratio = Grid.baselineNsPerUnit(s, Workload.CHASE, large) / Grid.baselineNsPerUnit(s, Workload.CHASE, small);
            }
        }
        assertThat(ratio).as("32M / 16K ns per unit").isGreaterThan(1.5);
    }
}
