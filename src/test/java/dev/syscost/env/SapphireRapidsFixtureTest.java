package dev.syscost.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Intel Xeon Platinum 8481C (Sapphire Rapids) KVM guest on GCE: eIBRS, BHI clearing loop, kvm-clock. */
class SapphireRapidsFixtureTest {
    private final Environment env = Fixtures.detect(Fixtures.SAPPHIRE_RAPIDS);

    @Test
    void shouldIdentifyAKvmGuestByDmi() {
        Virtualisation v = env.virtualisation();
        assertThat(v.hypervisor()).isEqualTo("KVM (Google)");
        assertThat(v.dmiVendor()).isEqualTo("Google");
        assertThat(v.evidence()).contains("DMI Google / Google Compute Engine",
                "kvm-clock registered (KVM paravirtual CPUID signature)");
    }

    @Test
    void shouldPutOnlyTheBhiLoopAndUsercopyBarriersOnThePath() {
        assertThat(env.vulnerability("spectre_v2")).hasValueSatisfying(v -> {
            assertThat(v.onSyscallPath()).isTrue();
            assertThat(v.syscallPathCosts()).containsExactly("BHI clearing loop");
            assertThat(v.effect()).contains("set once at boot").contains("clear_bhb_loop");
        });
        assertThat(env.syscallPathCosts()).containsExactly("usercopy barriers", "BHI clearing loop");
        assertThat(env.pageTableIsolation().active()).isFalse();
        assertThat(env.commandLineSwitches()).isEmpty();
    }

    @Test
    void shouldReportUserSpaceOnlyCountersAndABusyMachine() {
        assertThat(env.observability().hardwareCounter().opened()).isTrue();
        assertThat(env.observability().hardwareCounter().reason()).contains("user space only");
        assertThat(env.warnings()).anyMatch(w -> w.startsWith("load average 3.10 on 4 CPU(s)"))
                .anyMatch(w -> w.contains("hypervisor (KVM (Google))"));
        assertThat(env.summaryLines()).hasSizeBetween(3, 6);
    }
}
