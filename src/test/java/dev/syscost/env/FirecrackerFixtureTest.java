package dev.syscost.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** This VM, copied with tools/capture-env-fixture.sh: a Firecracker guest on AMD EPYC with pti=on. */
class FirecrackerFixtureTest {
    private final Environment env = Fixtures.detect(Fixtures.FIRECRACKER);

    @Test
    void shouldReadKernelAndCpu() {
        assertThat(env.kernel().release()).isEqualTo("6.18.44-fc-v782");
        assertThat(env.kernel().preemption()).isEqualTo("PREEMPT_DYNAMIC");
        assertThat(env.cpu().vendor()).isEqualTo("AuthenticAMD");
        assertThat(env.cpu().modelName()).isEqualTo("AMD EPYC");
        assertThat(env.cpu().family()).isEqualTo("26");
        assertThat(env.cpu().cpusOnline()).isEqualTo(2);
        assertThat(env.cpu().bugs()).contains("cpu_meltdown", "srso");
    }

    @Test
    void shouldIdentifyFirecrackerWithoutDmi() {
        Virtualisation v = env.virtualisation();
        assertThat(v.hypervisor()).isEqualTo("Firecracker");
        assertThat(v.hypervisorFlag()).isTrue();
        assertThat(v.dmiProduct()).isEqualTo("unknown");
        assertThat(v.evidence()).contains("ACPI DSDT OEM ID FIRECK");
        assertThat(v.sandbox()).isEqualTo("none");
        assertThat(env.unknowns()).anyMatch(u -> u.startsWith("DMI: "));
    }

    @Test
    void shouldNotCallADockerBuiltImageAContainer() {
        Container c = env.virtualisation().container();
        assertThat(c.detected()).isFalse();
        assertThat(c.evidence()).singleElement().asString().contains("/.dockerenv present, but");
    }

    @Test
    void shouldSeePtiForcedOnWithoutPcid() {
        assertThat(env.vulnerability("meltdown")).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(VulnerabilityStatus.MITIGATED);
            assertThat(m.onSyscallPath()).isTrue();
            assertThat(m.syscallPathCosts()).containsExactly("PTI");
        });
        assertThat(env.pageTableIsolation().active()).isTrue();
        assertThat(env.pageTableIsolation().pcid()).isFalse();
        assertThat(env.pageTableIsolation().invpcid()).isFalse();
        assertThat(env.commandLineSwitches()).extracting(CommandLineSwitch::text)
                .contains("pti=on", "mitigations=auto,no_guest_host,no_guest_guest", "clocksource=kvm-clock");
        assertThat(env.warnings()).anyMatch(w -> w.startsWith("PTI without PCID"));
    }

    @Test
    void shouldListRetpolinesAndUsercopyBarriersOnThePath() {
        assertThat(env.syscallPathCosts()).containsExactly("PTI", "usercopy barriers", "retpolines");
        assertThat(env.vulnerability("spec_rstack_overflow")).hasValueSatisfying(v -> {
            assertThat(v.status()).isEqualTo(VulnerabilityStatus.VULNERABLE);
            assertThat(v.onSyscallPath()).isFalse();
        });
        assertThat(env.vulnerabilities()).hasSize(19);
    }

    @Test
    void shouldIgnoreInitArgumentsAfterDoubleDash() {
        assertThat(env.kernel().kernelArguments()).doesNotContain("--firecracker-init", "--");
    }

    @Test
    void shouldFindVdsoAndKvmClock() {
        Timekeeping t = env.timekeeping();
        assertThat(t.vdsoPresent()).isTrue();
        assertThat(t.vdsoAddress()).startsWith("0x7f");
        assertThat(t.clocksource()).isEqualTo("kvm-clock");
        assertThat(t.vdsoClockGettime()).as("kvm-clock depends on the host's stable bit").isNull();
    }

    @Test
    void shouldReportObservability() {
        Observability o = env.observability();
        assertThat(o.perfEventParanoid()).isEqualTo(2);
        assertThat(o.tracefsReadable()).isTrue();
        assertThat(o.tracefsPath()).isEqualTo("/sys/kernel/tracing");
        assertThat(o.root()).isTrue();
        assertThat(o.capPerfmon()).isTrue();
        assertThat(o.perfPmus()).contains("tracepoint", "software").doesNotContain("cpu");
        assertThat(o.hardwareCounter().opened()).isFalse();
    }

    @Test
    void shouldWarnAboutHypervisorVulnerabilitiesAndPti() {
        assertThat(env.warnings()).anyMatch(w -> w.contains("hypervisor (Firecracker)"))
                .anyMatch(w -> w.contains("spec_rstack_overflow (Vulnerable: No microcode)"))
                .noneMatch(w -> w.contains("seccomp"));
    }
}
