package dev.syscost.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hypervisors without a full fixture machine: each from its one documented guest-visible signature. */
class HypervisorSignatureTest {
    @TempDir
    Path root;

    private void file(String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private Virtualisation detect() {
        return Environment.detect(root, Fixtures.live("none")).virtualisation();
    }

    @Test
    void shouldNameXenFromSysHypervisor() throws IOException {
        file("sys/hypervisor/type", "xen\n");
        assertThat(detect().hypervisor()).isEqualTo("Xen");
    }

    @Test
    void shouldNameHyperVFromDmiAndVmbus() throws IOException {
        file("sys/class/dmi/id/sys_vendor", "Microsoft Corporation\n");
        file("sys/class/dmi/id/product_name", "Virtual Machine\n");
        file("sys/bus/vmbus/devices/.keep", "");
        Virtualisation v = detect();
        assertThat(v.hypervisor()).isEqualTo("Hyper-V");
        assertThat(v.evidence()).contains("/sys/bus/vmbus present");
    }

    @Test
    void shouldNameVmwareFromDmi() throws IOException {
        file("sys/class/dmi/id/sys_vendor", "VMware, Inc.\n");
        file("sys/class/dmi/id/product_name", "VMware Virtual Platform\n");
        assertThat(detect().hypervisor()).isEqualTo("VMware");
    }

    @Test
    void shouldNameFirecrackerFromVirtioMmioWithoutDmi() throws IOException {
        file("sys/bus/platform/devices/virtio-mmio.0/modalias", "virtio:d00000002v00000000\n");
        assertThat(detect().hypervisor()).isEqualTo("Firecracker");
    }

    @Test
    void shouldCallAHypervisorFlagAloneUnknown() throws IOException {
        file("proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: X\nstepping\t: 1\nflags\t\t: fpu hypervisor\n");
        assertThat(detect().hypervisor()).isEqualTo("unknown hypervisor");
    }

    @Test
    void shouldWarnWhenTheClocksourceForcesASyscall() throws IOException {
        file("sys/devices/system/clocksource/clocksource0/current_clocksource", "hpet\n");
        Environment env = Environment.detect(root, Fixtures.live("none"));
        assertThat(env.timekeeping().vdsoClockGettime()).isFalse();
        assertThat(env.warnings()).anyMatch(w -> w.contains("hpet has no vDSO read path"));
    }
}
