package dev.syscost.indirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.report.Json;
import dev.syscost.progress.Progress;
import dev.syscost.sys.PerfEvents;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PMU-unavailable path, forced with -Dsyscost.perf.disable=true, through a real (tiny) measurement. */
class PmuUnavailableTest {
    private String saved;

    @BeforeEach
    void disablePerf() {
        saved = System.getProperty(PerfEvents.DISABLE_PROPERTY);
        System.setProperty(PerfEvents.DISABLE_PROPERTY, "true");
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(PerfEvents.DISABLE_PROPERTY);
        } else {
            System.setProperty(PerfEvents.DISABLE_PROPERTY, saved);
        }
    }

    @Test
    void shouldReportTheReasonWhenCountersAreRefused() {
        try (PmuSession s = PmuSession.open()) {
            assertThat(s.available()).isFalse();
            assertThat(s.reason()).contains("hardware counters do not open here").contains("EACCES")
                    .contains("-D" + PerfEvents.DISABLE_PROPERTY + "=true");
            s.begin();
            assertThat(s.end(100)).isNull();
        }
    }

    @Test
    void shouldWritePmuAvailableFalseAndTheReasonInTheJson() {
        IndirectConfig tiny = new IndirectConfig(List.of(16L << 10), List.of(4), List.of(Disturber.GETPPID),
                List.of(Workload.CHASE), 6, 0.5, 1, true, false, 1);
        IndirectResult r = Indirect.run(tiny, Progress.SILENT);
        JsonNode json = Json.MAPPER.valueToTree(r);
        assertThat(json.path("schema").asText()).isEqualTo("syscost.indirect/1");
        assertThat(json.path("pmu").path("available").isBoolean()).isTrue();
        assertThat(json.path("pmu").path("available").asBoolean()).isFalse();
        assertThat(json.path("pmu").path("reason").asText()).contains("perf events disabled by -Dsyscost.perf.disable=true");
        assertThat(json.path("cells")).hasSize(1);
        assertThat(json.path("config").path("rounds").asInt()).isEqualTo(6);
        JsonNode cell = json.path("cells").get(0);
        assertThat(cell.path("indirectNsPerSyscall").path("n").asInt()).isEqualTo(6);
        assertThat(cell.path("syscallsPerSec").asDouble()).isPositive();
        assertThat(cell.path("verdict").asText()).isNotEmpty();
    }
}
