package dev.syscost.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** AMD Ryzen 9 7950X (Zen 4) bare metal, Fedora 6.16, inside a Docker container: Safe RET, no PTI, TSA VERW. */
class Zen4FixtureTest {
    private final Environment env = Fixtures.detect(Fixtures.ZEN4);

    @Test
    void shouldSeeNoPtiButPcid() {
        assertThat(env.pageTableIsolation().active()).isFalse();
        assertThat(env.pageTableIsolation().pcid()).isTrue();
        assertThat(env.vulnerability("meltdown")).hasValueSatisfying(v -> {
            assertThat(v.status()).isEqualTo(VulnerabilityStatus.NOT_AFFECTED);
            assertThat(v.onSyscallPath()).isFalse();
        });
    }

    @Test
    void shouldPutSafeRetAndVerwOnThePathButNotAutomaticIbrs() {
        assertThat(env.vulnerability("spec_rstack_overflow")).hasValueSatisfying(v -> {
            assertThat(v.onSyscallPath()).isTrue();
            assertThat(v.syscallPathCosts()).containsExactly("Safe RET");
        });
        assertThat(env.vulnerability("spectre_v2")).hasValueSatisfying(v -> {
            assertThat(v.onSyscallPath()).isFalse();
            assertThat(v.effect()).contains("set once at boot");
        });
        assertThat(env.syscallPathCosts()).containsExactlyInAnyOrder("Safe RET", "usercopy barriers", "VERW on exit");
    }

    @Test
    void shouldDetectTheDockerContainerAndItsSeccompFilter() {
        Container c = env.virtualisation().container();
        assertThat(c.detected()).isTrue();
        assertThat(c.runtime()).isEqualTo("Docker");
        assertThat(c.evidence()).contains("cgroup path is Docker's (docker-)", "root file system is overlay", "/.dockerenv present");
        assertThat(env.virtualisation().seccompMode()).isEqualTo(2);
        assertThat(env.virtualisation().seccompFilters()).isEqualTo(1);
        assertThat(env.warnings()).anyMatch(w -> w.startsWith("1 seccomp filter(s) attached"));
    }

    @Test
    void shouldSeeRootWithoutPerfCapabilities() {
        Observability o = env.observability();
        assertThat(o.root()).isTrue();
        assertThat(o.capPerfmon()).isFalse();
        assertThat(o.capSysAdmin()).isFalse();
        assertThat(o.hardwareCounter().errno()).isEqualTo("EPERM");
        assertThat(o.hardwareCounter().fix()).contains("--cap-add PERFMON");
    }

    @Test
    void shouldNotWarnAboutGovernorOrHypervisor() {
        assertThat(env.load().cpufreqGovernor()).isEqualTo("performance");
        assertThat(env.virtualisation().describe()).isEqualTo("bare metal");
        assertThat(env.warnings()).noneMatch(w -> w.contains("governor")).noneMatch(w -> w.contains("hypervisor"))
                .noneMatch(w -> w.startsWith("CPU left vulnerable"));
    }
}
