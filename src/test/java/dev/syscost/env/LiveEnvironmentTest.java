package dev.syscost.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.sys.PerfEvents;
import org.junit.jupiter.api.Test;

/** Detection on the machine the tests run on, and the refused-counter branch forced. */
class LiveEnvironmentTest {
    @Test
    void shouldDetectThisMachineWithoutThrowing() {
        long start = System.nanoTime();
        Environment env = Environment.detect();
        long coldMs = (System.nanoTime() - start) / 1_000_000;
        long warmStart = System.nanoTime();
        Environment.detect();
        long warmMs = (System.nanoTime() - warmStart) / 1_000_000;
        // Printed, not asserted: speed is a benchmark here, and the first call pays the FFM linker's start-up.
        System.out.println("Environment.detect() took " + coldMs + " ms cold (first FFM use in this JVM), "
                + warmMs + " ms warm; load average " + env.load().loadAverage1m() + " on " + env.cpu().cpusOnline()
                + " CPUs");
        assertThat(env.cpu().cpusOnline()).isPositive();
        assertThat(env.kernel().release()).isEqualTo(System.getProperty("os.version"));
        assertThat(env.jdk().version()).isEqualTo(Runtime.version().toString());
        assertThat(env.summaryLines()).hasSizeBetween(3, 6);
        assertThat(env.timekeeping().vdsoPresent()).as("every x86-64 Linux process has a vDSO").isTrue();
        HardwareCounter hc = env.observability().hardwareCounter();
        assertThat(hc.opened() || !hc.reason().isEmpty()).isTrue();
    }

    @Test
    void shouldReportARefusedCounterWithItsFix() {
        String before = System.getProperty(PerfEvents.DISABLE_PROPERTY);
        System.setProperty(PerfEvents.DISABLE_PROPERTY, "true");
        try {
            HardwareCounter hc = LiveFacts.probeHardwareCounter();
            assertThat(hc.opened()).isFalse();
            assertThat(hc.errno()).isEqualTo("EACCES");
            assertThat(hc.fix()).contains(PerfEvents.DISABLE_PROPERTY);
        } finally {
            if (before == null) {
                System.clearProperty(PerfEvents.DISABLE_PROPERTY);
            } else {
                System.setProperty(PerfEvents.DISABLE_PROPERTY, before);
            }
        }
    }
}
