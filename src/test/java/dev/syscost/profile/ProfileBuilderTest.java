package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.syscost.env.Environment;
import dev.syscost.report.Json;
import dev.syscost.report.profile.ProfileText;
import dev.syscost.sys.SyscallTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prices, shares, perturbation and advice on a synthetic measurement. */
class ProfileBuilderTest {
    private static final Calibration PRICES = new Calibration("k", "c", "2026-01-01T00:00:00Z", "test", 10,
            Map.of("invalid_syscall", 100.0, "getppid", 120.0, "read_1b_dev_zero", 210.0), Map.of("bpf", 20.0),
            Map.of("bpf", List.of(15.0, 25.0)));

    private static Measurement measurement() {
        long[] counts = new long[CountingPrograms.SLOTS];
        SyscallTable t = SyscallTable.x86_64();
        counts[t.number("getppid")] = 1000;
        counts[t.number("read")] = 500;
        counts[t.number("futex")] = 20_000;
        ProcStats proc = new ProcStats(500, 0, 500 * 4096, 0, 0, 0, 30, 70, 0, 0);
        return new Measurement("run", List.of("prog", "arg"), 42, Backend.BPF, null, 1_000_000_000L, 0,
                new SyscallCounts(counts), null, proc, true, false);
    }

    @Test
    void shouldPriceEachSyscallAndSubtractThePerturbation() {
        ProfileResult r = ProfileBuilder.build(measurement(), PRICES, Environment.detect(), List.of());
        assertThat(r.schema()).isEqualTo("syscost.profile/2");
        assertThat(r.totalSyscalls()).isEqualTo(21_500);
        assertThat(r.syscalls()).extracting(ProfileResult.Syscall::name).containsExactly("futex", "getppid", "read");
        assertThat(r.syscalls().stream().mapToDouble(ProfileResult.Syscall::shareOfCalls).sum()).isCloseTo(1.0, within(1e-9));
        double taxNs = 20_000 * 90 + 1000 * 110 + 500 * 200;
        assertThat(r.tax().estimatedSeconds()).isCloseTo(taxNs / 1e9, within(1e-12));
        assertThat(r.tax().pricedAtEntryFloor()).containsExactly("futex");
        assertThat(r.tax().perturbationSeconds()).isCloseTo(21_500 * 20 / 1e9, within(1e-12));
        assertThat(r.tax().wallSecondsAdjusted()).isCloseTo(1 - 21_500 * 20 / 1e9, within(1e-12));
        assertThat(r.userCpuSeconds()).isEqualTo(0.3);
        assertThat(r.systemCpuSeconds()).isEqualTo(0.7);
        assertThat(r.advice()).extracting(Advice.Item::rule).containsExactly("futex-storm");
        assertThat(r.warnings()).anyMatch(w -> w.contains("entry floor"));
    }

    @Test
    void shouldRenderTheReportAndTheJsonKeys() {
        ProfileResult r = ProfileBuilder.build(measurement(), PRICES, Environment.detect(), List.of());
        String text = ProfileText.render(r, 2);
        assertThat(text).contains("syscost profile — prog arg (exit status 0)", "futex", "getppid", "1 more syscall kinds",
                "entry floor*", "boundary tax", "futex-storm", "perturbation 20 ns");
        String json = Json.toJson(r);
        assertThat(json).contains("\"totalSyscalls\" : 21500", "\"syscalls\" : [", "\"name\" : \"futex\"",
                "\"count\" : 20000", "\"shareOfCalls\"", "\"ratePerSec\"", "\"wallSeconds\"", "\"userCpuSeconds\"");
    }

    @Test
    void shouldSayAnAttachCrossCheckIsWindowedAndARunCrossCheckDifferent() {
        Measurement run = measurement();
        Measurement attach = new Measurement("attach", List.of(), 42, Backend.BPF, null, 1_000_000_000L, null,
                run.counts(), 21_400L, run.proc(), false, false);
        String attached = ProfileText.render(ProfileBuilder.build(attach, PRICES, Environment.detect(), List.of()), 2);
        assertThat(attached).contains("windowed, differ by 100 (0.47%): attach mode").doesNotContain("DIFFERENT");
        Measurement ran = new Measurement("run", run.command(), 42, Backend.BPF, null, 1_000_000_000L, 0,
                run.counts(), 21_400L, run.proc(), true, false);
        assertThat(ProfileText.render(ProfileBuilder.build(ran, PRICES, Environment.detect(), List.of()), 2))
                .contains("— DIFFERENT");
    }
}
