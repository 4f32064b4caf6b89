package dev.syscost.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Intel Core i7-6700 (Skylake) bare metal, Ubuntu 6.8, spectre_v2=retpoline: PTI with PCID, VERW for MDS. */
class SkylakeFixtureTest {
    private final Environment env = Fixtures.detect(Fixtures.SKYLAKE);

    @Test
    void shouldReadIdentityAndBareMetal() {
        assertThat(env.kernel().release()).isEqualTo("6.8.0-45-generic");
        assertThat(env.cpu().describe()).isEqualTo("Intel(R) Core(TM) i7-6700 CPU @ 3.40GHz (GenuineIntel family 6 model 94 stepping 3)");
        assertThat(env.cpu().microcode()).isEqualTo("0xf0");
        assertThat(env.cpu().cpusOnline()).isEqualTo(8);
        assertThat(env.virtualisation().hypervisor()).isEqualTo("none");
        assertThat(env.virtualisation().hypervisorFlag()).isFalse();
        assertThat(env.virtualisation().dmiProduct()).isEqualTo("OptiPlex 7040");
        assertThat(env.virtualisation().describe()).isEqualTo("bare metal");
        assertThat(env.virtualisation().container().detected()).isFalse();
    }

    @Test
    void shouldSeePtiWithPcidAndInvpcid() {
        PageTableIsolation p = env.pageTableIsolation();
        assertThat(p.active()).isTrue();
        assertThat(p.pcid()).isTrue();
        assertThat(p.invpcid()).isTrue();
        assertThat(p.effect()).contains("PCID keeps");
        assertThat(env.warnings()).noneMatch(w -> w.startsWith("PTI without PCID"));
    }

    @Test
    void shouldPutPtiRetpolinesAndVerwOnThePath() {
        assertThat(env.syscallPathCosts()).containsExactlyInAnyOrder("PTI", "VERW on exit", "usercopy barriers",
                "retpolines");
        assertThat(env.vulnerability("mds")).hasValueSatisfying(v -> {
            assertThat(v.status()).isEqualTo(VulnerabilityStatus.MITIGATED);
            assertThat(v.onSyscallPath()).isTrue();
            assertThat(v.effect()).contains("VERW");
        });
        assertThat(env.vulnerability("l1tf")).hasValueSatisfying(v -> assertThat(v.onSyscallPath()).isFalse());
        assertThat(env.vulnerability("itlb_multihit")).hasValueSatisfying(v -> {
            assertThat(v.status()).isEqualTo(VulnerabilityStatus.MITIGATED);
            assertThat(v.onSyscallPath()).isFalse();
        });
        assertThat(env.vulnerability("spectre_v2")).hasValueSatisfying(v ->
                assertThat(v.syscallPathCosts()).containsExactly("retpolines"));
    }

    @Test
    void shouldWarnThatRetpolinesLeaveRetbleedOpen() {
        assertThat(env.vulnerability("retbleed")).hasValueSatisfying(v ->
                assertThat(v.status()).isEqualTo(VulnerabilityStatus.VULNERABLE));
        assertThat(env.commandLineSwitches()).extracting(CommandLineSwitch::text).containsExactly("spectre_v2=retpoline");
        assertThat(env.warnings()).anyMatch(w -> w.contains("retbleed (Vulnerable)"))
                .anyMatch(w -> w.startsWith("cpufreq governor powersave"))
                .noneMatch(w -> w.contains("hypervisor"))
                .noneMatch(w -> w.startsWith("load average"));
    }

    @Test
    void shouldKeepClockReadsInTheVdsoOnTsc() {
        assertThat(env.timekeeping().clocksource()).isEqualTo("tsc");
        assertThat(env.timekeeping().vdsoClockGettime()).isTrue();
    }

    @Test
    void shouldSeeAnUnprivilegedUserWithoutTracefs() {
        Observability o = env.observability();
        assertThat(o.effectiveUid()).isEqualTo(1000);
        assertThat(o.root()).isFalse();
        assertThat(o.capPerfmon()).isFalse();
        assertThat(o.perfEventParanoid()).isEqualTo(4);
        assertThat(o.perfEventParanoidMeaning()).contains("no perf events");
        assertThat(o.tracefsReadable()).isFalse();
        assertThat(o.perfPmus()).contains("cpu", "intel_pt");
        assertThat(env.unknowns()).anyMatch(u -> u.startsWith("tracefs: "));
    }

    @Test
    void shouldSummariseInSixHeaderLines() {
        assertThat(env.summaryLines()).containsExactly(
                "kernel   6.8.0-45-generic (PREEMPT_DYNAMIC), JDK 25+36-LTS (Fixture Vendor)",
                "cpu      Intel(R) Core(TM) i7-6700 CPU @ 3.40GHz (GenuineIntel family 6 model 94 stepping 3), 8 CPU(s) online",
                "virt     bare metal, container none, seccomp off",
                "syscall  PTI with PCID, VERW on exit, usercopy barriers, retpolines [cmdline: spectre_v2=retpoline]",
                "time     vDSO mapped, clocksource tsc (clock_gettime: in the vDSO)",
                "observe  perf_event_paranoid=4, tracefs not readable, unprivileged, hardware counters unavailable (EACCES)");
    }
}
