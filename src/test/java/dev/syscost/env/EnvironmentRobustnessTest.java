package dev.syscost.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection never throws: a machine with nothing readable yields "unknown" with reasons; JSON round-trips. */
class EnvironmentRobustnessTest {
    @Test
    void shouldDegradeToUnknownsOnAnEmptyRoot(@TempDir Path empty) {
        Environment env = Environment.detect(empty, Fixtures.live("none"));
        assertThat(env.kernel().release()).isEqualTo("unknown");
        assertThat(env.cpu().modelName()).isEqualTo("unknown");
        assertThat(env.cpu().cpusOnline()).isZero();
        assertThat(env.pageTableIsolation().active()).isNull();
        assertThat(env.timekeeping().vdsoPresent()).isNull();
        assertThat(env.virtualisation().hypervisor()).isEqualTo("none");
        assertThat(env.virtualisation().hypervisorFlag()).isNull();
        assertThat(env.unknowns()).anyMatch(u -> u.equals("kernel version: no /proc/version"))
                .anyMatch(u -> u.equals("CPU: no /proc/cpuinfo"))
                .anyMatch(u -> u.startsWith("vDSO: no /proc/self/auxv"))
                .anyMatch(u -> u.startsWith("seccomp: "));
        assertThat(env.summaryLines()).hasSizeBetween(3, 6);
        assertThat(env.warnings()).isEmpty();
    }

    @Test
    void shouldSurviveGarbageInEveryFile(@TempDir Path root) throws Exception {
        for (String rel : new String[] {"proc/version", "proc/cpuinfo", "proc/self/status", "proc/self/auxv",
            "proc/loadavg", "proc/sys/kernel/perf_event_paranoid", "sys/devices/system/cpu/online",
            "sys/devices/system/cpu/vulnerabilities/meltdown", "proc/cmdline", "proc/self/mounts"}) {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "::: garbage ::: \u0000\n--\n");
        }
        Environment env = Environment.detect(root, Fixtures.live("none"));
        assertThat(env.cpu().cpusOnline()).isZero();
        assertThat(env.observability().perfEventParanoid()).isNull();
        assertThat(env.load().loadAverage1m()).isNull();
        assertThat(env.vulnerability("meltdown")).hasValueSatisfying(v ->
                assertThat(v.status()).isEqualTo(VulnerabilityStatus.UNKNOWN));
        assertThat(env.summaryLines()).hasSizeBetween(3, 6);
    }

    @Test
    void shouldSerialiseToJsonWithUnitsAndPlainValues() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Environment env = Fixtures.detect(Fixtures.SKYLAKE);
        JsonNode tree = mapper.readTree(mapper.writeValueAsString(EnvResult.of(env)));
        assertThat(tree.path("schema").asText()).isEqualTo("syscost.env/1");
        assertThat(tree.path("env").path("kernel").path("release").asText()).isEqualTo("6.8.0-45-generic");
        assertThat(tree.path("env").path("vulnerabilities").get(0).path("status").asText()).isEqualTo("mitigated");
        assertThat(tree.path("env").path("load").path("loadAverage1m").asDouble()).isEqualTo(0.08);
        assertThat(tree.path("warnings").isArray()).isTrue();
        assertThat(tree.path("env").has("warnings")).as("warnings sit beside env, not inside").isFalse();
        Environment back = mapper.readValue(mapper.writeValueAsString(env), Environment.class);
        assertThat(back).isEqualTo(env);
    }
}
