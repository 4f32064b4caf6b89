package dev.syscost.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A gVisor (runsc) sandbox under Docker, from gVisor's documented signatures: the fixed /proc/version,
 * BOOT_IMAGE=/vmlinuz-4.4.0-gvisor, the synthetic cpuinfo ("unknown" model name and stepping), a sysfs
 * without vulnerabilities or clocksource, and no Seccomp_filters line.
 */
class GvisorFixtureTest {
    private final Environment env = Fixtures.detect(Fixtures.GVISOR);

    @Test
    void shouldRecogniseGvisorBySeveralSignatures() {
        Virtualisation v = env.virtualisation();
        assertThat(v.sandbox()).isEqualTo("gVisor");
        assertThat(v.evidence()).anyMatch(e -> e.contains("gVisor's fixed uname"))
                .anyMatch(e -> e.contains("command line names gvisor"))
                .anyMatch(e -> e.contains("synthetic cpuinfo"));
        assertThat(v.hypervisor()).isEqualTo("unknown hypervisor");
        assertThat(v.describe()).isEqualTo("gVisor on unknown hypervisor");
        assertThat(env.warnings()).anyMatch(w -> w.startsWith("gVisor sandbox"));
    }

    @Test
    void shouldParseTheFakeKernelFromProcVersion() {
        assertThat(env.kernel().release()).isEqualTo("4.4.0");
        assertThat(env.kernel().version()).isEqualTo(Virtualisation.GVISOR_VERSION);
        assertThat(env.cpu().modelName()).isEqualTo("unknown");
        assertThat(env.cpu().stepping()).isEqualTo("unknown");
        assertThat(env.cpu().cpusOnline()).isEqualTo(4);
    }

    @Test
    void shouldSayUnknownWithReasonsWhereTheSandboxHidesTheHost() {
        assertThat(env.vulnerabilities()).isEmpty();
        assertThat(env.unknowns()).anyMatch(u -> u.startsWith("CPU vulnerabilities: no /sys/devices/system/cpu/vulnerabilities"))
                .anyMatch(u -> u.startsWith("clocksource: no /sys/devices/system/clocksource"))
                .anyMatch(u -> u.startsWith("perf_event_paranoid: no /proc/sys/kernel/perf_event_paranoid"));
        assertThat(env.timekeeping().clocksource()).isEqualTo("unknown");
        assertThat(env.pageTableIsolation().active()).as("the host's PTI is hidden").isNull();
        assertThat(env.timekeeping().vdsoPresent()).isTrue();
        assertThat(env.observability().perfEventParanoid()).isNull();
        assertThat(env.virtualisation().seccompMode()).isZero();
        assertThat(env.virtualisation().seccompFilters()).isNull();
        assertThat(env.summaryLines()).anyMatch(l -> l.contains("mitigations unknown"));
    }

    @Test
    void shouldSeeTheDockerContainerAroundTheSandbox() {
        assertThat(env.virtualisation().container().detected()).isTrue();
        assertThat(env.virtualisation().container().runtime()).isEqualTo("Docker");
        assertThat(env.load().loadAverage1m()).isZero();
    }
}
