package dev.syscost.bench;

import dev.syscost.bench.probe.Probes;
import dev.syscost.sys.Libc;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Runs the configured probes in this JVM, in ladder order: one fork's worth of measuring. */
final class Ladder {
    private Ladder() {}

    /** Measures every configured probe here, pinned to {@code config.pinCpu()} while it runs. */
    static Fork runHere(MeasureConfig config, Harness.Steps steps) {
        long startNs = System.nanoTime();
        long cpuBefore = cpuNs();
        List<Probe> probes = config.probes().isEmpty() ? Probes.all() : Probes.select(config.probes());
        BitSet savedAffinity = null;
        if (config.pinCpu() >= 0) {
            savedAffinity = Libc.affinity(0);
            Libc.pinToCpu(0, config.pinCpu());
        }
        Harness.EntryCounting counting = new Harness.EntryCounting(config.verifyKernelEntries());
        Harness harness = new Harness(config, steps);
        List<ProbeResult> results = new ArrayList<>();
        try {
            for (int i = 0; i < probes.size(); i++) {
                results.add(harness.measure(probes.get(i), i + 1, probes.size(), counting));
            }
        } finally {
            if (savedAffinity != null) {
                Libc.setAffinity(0, savedAffinity);
            }
        }
        return new Fork(ProcessHandle.current().pid(), cpuNs() - cpuBefore, (System.nanoTime() - startNs) / 1_000_000,
                results, counting.reason());
    }

    static long cpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
