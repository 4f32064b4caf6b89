package dev.syscost.sys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The hardware-counter group for real: counts where the PMU opens, else a refusal that names the fix. */
class PmuCountersTest {
    @Test
    void shouldCountUserCyclesOrSayWhyNot() {
        PmuCounters counters;
        try {
            counters = PmuCounters.openUserOnly();
        } catch (NativeException e) {
            assertThat(e.hint()).as("a refusal names the fix").isNotEmpty();
            Assumptions.abort("no hardware counters here (" + e.getMessage() + "); the arithmetic is tested on recorded reads");
            return;
        }
        try (counters) {
            counters.start();
            long x = 1;
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 31 + i;
            }
            PmuCounters.Reading r = counters.read();
            counters.stop();
            assertThat(x).isNotZero();
            assertThat(r.values()).hasSize(counters.events().size());
            assertThat(r.values()[0]).as("user cycles").isPositive();
            assertThat(r.timeRunningNs()).isPositive();
        }
    }

    @Test
    void shouldUseTheGroupLayoutWithBothTimes() {
        assertThat(PmuCounters.READ_FORMAT).isEqualTo(1 | 2 | 8);
        assertThat(PmuCounters.Event.L1D_MISSES.key()).isEqualTo("l1dMisses");
    }
}
