package dev.syscost.report.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.env.EnvResult;
import dev.syscost.env.Environment;
import dev.syscost.env.Fixtures;
import dev.syscost.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files for the {@code syscost env} text report and its JSON, one per fixture machine. Run with
 * {@code -Dsyscost.golden.update=true} to rewrite them after an intended change, then review the diff.
 */
class EnvTextTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    @ParameterizedTest
    @ValueSource(strings = {"firecracker-epyc-vm", "skylake-pti-baremetal", "zen4-baremetal-docker", "gvisor-sandbox",
        "sapphire-rapids-kvm-guest"})
    void shouldMatchTheGoldenTextAndJson(String machine) throws Exception {
        Environment env = Fixtures.detect(machine);
        compare("env-" + machine + ".txt", EnvText.render(env));
        compare("env-" + machine + ".json", Json.toJson(EnvResult.of(env)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"skylake-pti-baremetal", "gvisor-sandbox"})
    void shouldPrintEverySectionEvenWhenFactsAreMissing(String machine) throws Exception {
        assertThat(EnvText.render(Fixtures.detect(machine))).contains("Machine", "Virtualisation and sandbox",
                "CPU vulnerabilities and what their mitigations do on the syscall path", "Page-table isolation",
                "vDSO and clocksource", "Observability", "Warnings");
    }

    private static void compare(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("syscost.golden.update") || !Files.exists(golden)) {
            Files.writeString(golden, actual);
        }
        assertThat(actual).as("golden file %s (rerun with -Dsyscost.golden.update=true after an intended change)", golden)
                .isEqualTo(Files.readString(golden));
    }

}
