package dev.syscost.env;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The fixture machines (also used by the report tests) under src/test/resources/env-fixtures and the live facts each one stands for. */
public final class Fixtures {
    static final Jdk JDK = new Jdk("25+36-LTS", "Fixture Vendor", "OpenJDK 64-Bit Server VM", "/opt/jdk-25");
    static final String FIRECRACKER = "firecracker-epyc-vm";
    static final String SKYLAKE = "skylake-pti-baremetal";
    static final String ZEN4 = "zen4-baremetal-docker";
    static final String GVISOR = "gvisor-sandbox";
    static final String SAPPHIRE_RAPIDS = "sapphire-rapids-kvm-guest";

    private Fixtures() {}

    public static Path root(String machine) {
        URL url = Fixtures.class.getResource("/env-fixtures/" + machine);
        if (url == null) {
            throw new IllegalStateException("no fixture " + machine + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a hardware-counter probe returned (or would return) on each fixture machine. */
    public static LiveFacts live(String machine) {
        HardwareCounter counter = switch (machine) {
            case FIRECRACKER -> HardwareCounter.refused("ENOENT", "no hardware PMU is exposed to this kernel",
                    "this CPU or hypervisor exposes no such event (in a VM, enable the virtual PMU, e.g. KVM `-cpu host,pmu=on`)");
            case SKYLAKE -> HardwareCounter.refused("EACCES", "perf events are not permitted to this process",
                    "perf events not permitted: kernel.perf_event_paranoid=4; run as root or `sysctl kernel.perf_event_paranoid=1`");
            case ZEN4 -> HardwareCounter.refused("EPERM", "perf events are not permitted to this process",
                    "perf events not permitted: kernel.perf_event_paranoid=2; run as root or `sysctl kernel.perf_event_paranoid=1`");
            case GVISOR -> HardwareCounter.refused("ENODEV", "perf_event_open is not implemented by the sandbox", "");
            default -> HardwareCounter.userSpaceOnly("counting kernel instructions needs"
                    + " `sysctl kernel.perf_event_paranoid=1`, CAP_PERFMON or root");
        };
        return new LiveFacts(JDK, counter);
    }

    public static Environment detect(String machine) {
        return Environment.detect(root(machine), live(machine));
    }
}
