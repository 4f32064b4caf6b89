package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.env.Environment;
import dev.syscost.report.Json;
import dev.syscost.report.profile.ProfileText;
import dev.syscost.report.OpenMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tax is bounded by the traced tree's CPU time, on a profile recorded on a loaded 2-CPU Firecracker VM:
 * {@code syscost profile --format json -- exact 100000 200000 300000} (a C program doing only getppid,
 * 1-byte reads and 1-byte writes), whose cached prices, measured under load, priced 1.34 s of boundary
 * time into 0.78 s of user + system CPU.
 */
class TaxBoundTest {
    private static JsonNode recorded() throws IOException {
        try (InputStream in = TaxBoundTest.class.getResourceAsStream("exact-prices-too-high.json")) {
            return Json.MAPPER.readTree(in);
        }
    }

    /** The measurement behind a recorded profile: its counts by syscall number, wall and CPU times. */
    private static Measurement measurementOf(JsonNode p) {
        long[] counts = new long[CountingPrograms.SLOTS];
        p.path("syscalls").forEach(s -> counts[s.path("number").asInt()] += s.path("count").asLong());
        long user = Math.round(p.path("userCpuSeconds").asDouble() * ProcStats.TICKS_PER_SECOND);
        long system = Math.round(p.path("systemCpuSeconds").asDouble() * ProcStats.TICKS_PER_SECOND);
        ProcStats proc = new ProcStats(0, 0, 0, 0, 0, 0, user, system, 0, 0);
        return new Measurement("run", List.of("exact"), 1, Backend.BPF, null,
                Math.round(p.path("wallSeconds").asDouble() * 1e9), 0, new SyscallCounts(counts), null, proc, true, false);
    }

    private static Calibration calibrationOf(JsonNode p, double scale) throws IOException {
        Calibration c = Json.MAPPER.treeToValue(p.path("tax").path("calibration"), Calibration.class);
        Map<String, Double> scaled = new HashMap<>();
        c.probeNs().forEach((k, v) -> scaled.put(k, v * scale));
        return new Calibration(c.kernel(), c.cpuModel(), c.measuredAt(), c.source(), c.downcallNs() * scale, scaled,
                c.perturbationNs(), c.perturbationP10P90Ns());
    }

    @Test
    void shouldLimitTheTaxToTheCpuTimeWhenThePricesAreTooHigh() throws IOException {
        JsonNode p = recorded();
        Measurement m = measurementOf(p);
        ProfileResult r = ProfileBuilder.build(m, calibrationOf(p, 1), Environment.detect(), List.of());
        ProfileResult.Tax tax = r.tax();
        double cpu = m.userCpuSeconds() + m.systemCpuSeconds() - tax.perturbationSeconds();
        assertThat(tax.boundKind()).isEqualTo("cpu");
        assertThat(tax.boundSeconds()).isCloseTo(cpu, within(1e-9));
        assertThat(tax.estimatedSeconds()).isGreaterThan(cpu);
        assertThat(tax.pricesFit()).isFalse();
        assertThat(tax.boundedSeconds()).isCloseTo(cpu, within(1e-9));
        assertThat(tax.shareOfCpu()).isEqualTo(1.0);
        assertThat(tax.shareOfWall()).isNotNull().isLessThanOrEqualTo(1.0);
        assertThat(tax.shareOfSystemCpu()).isNull(); // 0.66 s bounded against 0.37 s of system time: not a share
        assertThat(r.warnings()).anyMatch(w -> w.contains("do not fit this run") && w.contains("bound-limited"));
    }

    @Test
    void shouldNeverPrintAShareOverOneHundredPercent() throws IOException {
        JsonNode p = recorded();
        for (double scale : new double[] {1, 3, 10}) {
            ProfileResult r = ProfileBuilder.build(measurementOf(p), calibrationOf(p, scale), Environment.detect(), List.of());
            for (Locale locale : new Locale[] {Locale.ROOT, Locale.GERMANY}) {
                Locale before = Locale.getDefault();
                Locale.setDefault(locale);
                try {
                    String text = ProfileText.render(r, 5);
                    assertThat(text).contains("the prices do not fit this run", "priced estimate");
                    assertThat(text).containsPattern("boundary tax ≤ [0-9.]+ s = 100\\.0% of CPU time");
                    for (String pct : text.split("%")) {
                        String tail = pct.replaceAll("(?s).*?([0-9.]+)$", "$1");
                        if (tail.matches("[0-9.]+") && pct.endsWith(tail) && !pct.contains("p10–p90")) {
                            assertThat(Double.parseDouble(tail)).as("a share in: %s", text).isLessThanOrEqualTo(100.0);
                        }
                    }
                } finally {
                    Locale.setDefault(before);
                }
            }
        }
    }

    @Test
    void shouldFitWhenThePricesAreWithinTheCpuTime() throws IOException {
        JsonNode p = recorded();
        ProfileResult r = ProfileBuilder.build(measurementOf(p), calibrationOf(p, 0.3), Environment.detect(), List.of());
        ProfileResult.Tax tax = r.tax();
        assertThat(tax.pricesFit()).isTrue();
        assertThat(tax.boundedSeconds()).isEqualTo(tax.estimatedSeconds());
        assertThat(tax.shareOfCpu()).isLessThan(1.0);
        assertThat(r.warnings()).noneMatch(w -> w.contains("do not fit"));
        assertThat(ProfileText.render(r, 5)).doesNotContain("do not fit").contains("bound: the traced tree's CPU time");
    }

    @Test
    void shouldShowTheBoundInTheJsonAndTheMetrics() throws IOException {
        JsonNode p = recorded();
        ProfileResult r = ProfileBuilder.build(measurementOf(p), calibrationOf(p, 1), Environment.detect(), List.of());
        JsonNode tax = Json.MAPPER.readTree(Json.toJson(r)).path("tax");
        assertThat(tax.path("boundedSeconds").asDouble()).isLessThanOrEqualTo(tax.path("boundSeconds").asDouble());
        assertThat(tax.path("pricesFit").asBoolean(true)).isFalse();
        assertThat(OpenMetrics.renderResult(r)).contains("syscost_process_boundary_tax_seconds", "syscost_process_boundary_tax_bound_seconds",
                "syscost_process_boundary_prices_fit{pid=\"1\"} 0");
    }

    @Test
    void shouldReportTheHookTheProfilersOwnCpuAndTheCostToOtherProcesses() throws IOException {
        JsonNode p = recorded();
        Measurement r0 = measurementOf(p);
        Measurement m = new Measurement(r0.mode(), r0.command(), r0.pid(), r0.backend(), null, r0.wallNs(), 0,
                r0.counts(), null, r0.proc(), true, false, "raw tracepoint sys_enter (test)", 7_900_000L, null);
        Calibration c = calibrationOf(p, 1).withPerturbation(Perturbation.BPF_UNTRACKED, new Perturbation.Estimate(61, 50, 70));
        ProfileResult r = ProfileBuilder.build(m, c, Environment.detect(), List.of());
        assertThat(r.backend().hook()).isEqualTo("raw tracepoint sys_enter (test)");
        assertThat(r.backend().profilerCpuSeconds()).isCloseTo(0.0079, within(1e-12));
        assertThat(r.backend().profilerShareOfTargetCpu()).isCloseTo(0.0079 / 0.79, within(1e-9));
        assertThat(r.backend().costToOtherProcesses()).startsWith("61 ns per syscall of every other process");
        assertThat(ProfileText.render(r, 3)).contains("  hook    raw tracepoint sys_enter (test)",
                "profiler CPU 0.008 s while the target ran = 1.00% of the target's CPU", "61 ns per syscall");
    }
}
