package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syscost.env.Environment;
import dev.syscost.sys.NativeException;
import dev.syscost.sys.PerfEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Perf events and bpf forced off with the property: the /proc fallback, stated in the report. */
class ProfileFallbackTest {
    @BeforeEach
    void forceOff() {
        System.setProperty(PerfEvents.DISABLE_PROPERTY, "true");
    }

    @AfterEach
    void restore() {
        System.clearProperty(PerfEvents.DISABLE_PROPERTY);
    }

    @Test
    void shouldFallBackToProcAccountingAndSaySo() {
        Measurement m = ProfileRun.run(List.of("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=3000", "status=none"),
                new ProfileRun.Options(null, false, null));
        assertThat(m.backend()).isEqualTo(Backend.PROC);
        assertThat(m.fallbackReason()).contains("bpf").contains("perf");
        assertThat(m.counts()).isNull();
        assertThat(m.exitStatus()).isZero();
        assertThat(m.proc().writeCalls()).isEqualTo(3000);
        assertThat(m.proc().readCalls()).isGreaterThanOrEqualTo(3000);

        Calibration prices = new Calibration("k", "c", "2026-01-01T00:00:00Z", "test", 0,
                Map.of("invalid_syscall", 100.0, "read_1b_dev_zero", 200.0, "write_1b_dev_null", 150.0), Map.of());
        ProfileResult r = ProfileBuilder.build(m, prices, Environment.detect(), List.of());
        assertThat(r.totalSyscalls()).isNull();
        assertThat(r.backend().enableFullCounts()).contains("root");
        assertThat(r.backend().limits()).anyMatch(l -> l.contains("only read- and write-family"));
        assertThat(r.tax().lowerBound()).isTrue();
        assertThat(r.warnings()).anyMatch(w -> w.contains("backend proc"));
        assertThat(r.advice()).extracting(Advice.Item::rule).contains("tiny-io");
    }

    @Test
    void shouldRefuseAForcedBpfBackendWithTheFix() {
        assertThatThrownBy(() -> ProfileRun.run(List.of("/bin/true"), new ProfileRun.Options(Backend.BPF, false, null)))
                .isInstanceOf(NativeException.class).hasMessageContaining(PerfEvents.DISABLE_PROPERTY);
    }
}
