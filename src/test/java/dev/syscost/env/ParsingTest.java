package dev.syscost.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The small parsers: /proc/version, CPU lists, auxv, mounts, ACPI headers, command-line switches. */
class ParsingTest {
    @Test
    void shouldSplitProcVersion() {
        String v = "Linux version 6.8.0-45-generic (buildd@x) (gcc 13.2.0) #45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 2024";
        assertThat(Kernel.releaseOf(v)).isEqualTo("6.8.0-45-generic");
        assertThat(Kernel.versionOf(v)).isEqualTo("#45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 2024");
        assertThat(Kernel.preemptionOf("#1 SMP PREEMPT_RT Mon")).isEqualTo("PREEMPT_RT");
        assertThat(Kernel.preemptionOf("#1 SMP Mon")).isEqualTo("none");
        assertThat(Kernel.releaseOf("garbage")).isEqualTo("unknown");
    }

    @Test
    void shouldCountCpuLists() {
        assertThat(Cpu.countCpuList("0-1")).isEqualTo(2);
        assertThat(Cpu.countCpuList("0-3,8,10-11")).isEqualTo(7);
        assertThat(Cpu.countCpuList("0")).isEqualTo(1);
        assertThat(Cpu.countCpuList("x-y")).isZero();
    }

    @Test
    void shouldFindAtSysinfoEhdrInAuxv() {
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(6).putLong(4096).putLong(33).putLong(0x7fff0000L).putLong(0).putLong(0);
        assertThat(Timekeeping.auxvValue(b.array())).isEqualTo(0x7fff0000L);
        ByteBuffer none = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        none.putLong(6).putLong(4096).putLong(0).putLong(0);
        assertThat(Timekeeping.auxvValue(none.array())).isZero();
        assertThat(Timekeeping.auxvValue(new byte[7])).isNull();
    }

    @Test
    void shouldKnowWhichClocksourcesHaveAVdsoPath() {
        assertThat(Timekeeping.vdsoCapable("tsc")).isTrue();
        assertThat(Timekeeping.vdsoCapable("hyperv_clocksource_tsc_page")).isTrue();
        assertThat(Timekeeping.vdsoCapable("hpet")).isFalse();
        assertThat(Timekeeping.vdsoCapable("acpi_pm")).isFalse();
        assertThat(Timekeeping.vdsoCapable("kvm-clock")).isNull();
        assertThat(Timekeeping.vdsoCapable("something-new")).isNull();
    }

    @Test
    void shouldTakeTheLastRootMount() {
        String mounts = "rootfs / rootfs rw 0 0\noverlay / overlay rw,lowerdir=/a 0 0\nproc /proc proc rw 0 0\n";
        assertThat(Container.rootFsType(mounts)).isEqualTo("overlay");
        assertThat(Container.rootFsType("")).isEmpty();
    }

    @Test
    void shouldReadTheAcpiOemId() {
        byte[] header = "DSDTS\u000f\u0000\u0000\u0002wFIRECKFCVMDSDT".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(Virtualisation.acpiOemId(header)).isEqualTo("FIRECK");
        assertThat(Virtualisation.acpiOemId(new byte[4])).isEmpty();
    }

    @Test
    void shouldPickMitigationAndTimingSwitchesFromTheCommandLine() {
        var switches = CommandLineSwitch.of(new String[] {"ro", "quiet", "mitigations=off", "nopti", "nosmt",
            "spec_rstack_overflow=ibpb", "isolcpus=2-3", "console=ttyS0"});
        assertThat(switches).extracting(CommandLineSwitch::text)
                .containsExactly("mitigations=off", "nopti", "nosmt", "spec_rstack_overflow=ibpb", "isolcpus=2-3");
        assertThat(switches.get(4).kind()).isEqualTo(CommandLineSwitch.TIMING);
    }

    @Test
    void shouldDescribeParanoidLevels() {
        assertThat(Observability.meaning(-1)).isEqualTo("no restrictions");
        assertThat(Observability.meaning(2)).contains("user-space counting");
        assertThat(Observability.meaning(4)).contains("no perf events");
        assertThat(Observability.meaning(null)).isEqualTo("unknown");
    }
}
