package dev.syscost.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenMetricsTest {
    @Test
    void shouldExposeEveryProbeAndTermAsParseableOpenMetrics() {
        String text = OpenMetrics.render(Fixtures.result("measure-a.json"));
        ExpositionParser.Exposition e = ExpositionParser.parse(text, true);
        assertThat(e.value("syscost_probe_median_ns", "probe", "getppid")).isEqualTo(94.1);
        assertThat(e.value("syscost_probe_p90_ns", "probe", "getppid")).isEqualTo(95.982);
        assertThat(e.value("syscost_probe_available", "probe", "pipe_write_read_1b")).isZero();
        assertThat(e.value("syscost_decomposition_ns", "term", "entry/exit floor")).isEqualTo(81.1);
        assertThat(e.value("syscost_syscall_work_ns", "syscall", "fstat")).isEqualTo(173.5);
        assertThat(e.types()).containsEntry("syscost_environment", "info");
        assertThat(e.samples()).noneMatch(s -> s.name().equals("syscost_probe_median_ns")
                && s.labels().get("probe").equals("pipe_write_read_1b"));
        Fixtures.assertGolden("measure-a.openmetrics.txt", text);
    }

    @Test
    void shouldExposeAProfileAsPerProcessSyscallCounters() {
        ObjectNode profile = (ObjectNode) Fixtures.result("profile.json");
        ExpositionParser.Exposition e = ExpositionParser.parse(OpenMetrics.render(profile), true);
        assertThat(e.types()).containsEntry("syscost_process_syscalls", "counter");
        assertThat(e.value("syscost_process_syscalls_total", "pid", "4242", "comm", "dd", "syscall", "read")).isEqualTo(2000010);
        assertThat(e.value("syscost_process_syscalls_all_total", "pid", "4242")).isEqualTo(4000123);
    }

    @Test
    void shouldEscapeHostileLabelValues() {
        ObjectNode measure = (ObjectNode) Fixtures.result("measure-a.json");
        String hostile = "a\"b\\c\nd} 1\n# EOF";
        ((ObjectNode) measure.path("probes").get(1)).put("id", hostile);
        ExpositionParser.Exposition e = ExpositionParser.parse(OpenMetrics.render(measure), true);
        assertThat(e.value("syscost_probe_median_ns", "probe", hostile)).isEqualTo(7.4);
    }

    @Test
    void shouldWriteNothingButEofForSchemasWithoutMetrics() {
        assertThat(OpenMetrics.renderAll(ResultFormats.parseAll(List.of(Fixtures.result("ipc.json"))))).isEqualTo("# EOF\n");
    }
}
