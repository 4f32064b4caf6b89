package dev.syscost.env;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What is on the user/kernel boundary path of this machine: kernel, CPU, JDK, hypervisor/sandbox/
 * container and seccomp, every CPU-vulnerability entry with what its mitigation does on the syscall
 * path, the command line's mitigation switches, PTI/PCID/INVPCID, vDSO and clocksource, what can be
 * observed (perf, tracefs, privileges, hardware counters) and how busy the machine is. Everything that
 * could not be read is listed in {@code unknowns} with the reason; detection never throws.
 */
public record Environment(Kernel kernel, Cpu cpu, Jdk jdk, Virtualisation virtualisation,
                          List<Vulnerability> vulnerabilities, List<CommandLineSwitch> commandLineSwitches,
                          PageTableIsolation pageTableIsolation, Timekeeping timekeeping,
                          Observability observability, CpuLoad load, List<String> unknowns) {
    static final String VULNERABILITIES = "sys/devices/system/cpu/vulnerabilities";

    /** Detects the environment of the running machine (reads /proc and /sys, probes a hardware counter). */
    public static Environment detect() {
        return detect(Path.of("/"), LiveFacts.probe());
    }

    /** Detects the environment of the machine whose /proc and /sys lie under {@code root}. */
    public static Environment detect(Path root, LiveFacts live) {
        SysRoot sys = new SysRoot(root);
        Kernel kernel = Kernel.detect(sys);
        CpuInfo cpuInfo = sys.textOrNote("proc/cpuinfo", "CPU").map(CpuInfo::parse).orElse(CpuInfo.EMPTY);
        ProcessStatus status = ProcessStatus.detect(sys);
        List<Vulnerability> vulns = vulnerabilities(sys);
        String meltdown = vulns.stream().filter(v -> v.name().equals("meltdown")).map(Vulnerability::raw)
                .findFirst().orElse(null);
        Virtualisation virt = Virtualisation.detect(sys, kernel, cpuInfo, status);
        return new Environment(kernel, Cpu.detect(sys, cpuInfo), live.jdk(), virt, vulns,
                CommandLineSwitch.of(kernel.kernelArguments()),
                PageTableIsolation.detect(cpuInfo, meltdown, virt.sandbox()),
                Timekeeping.detect(sys), Observability.detect(sys, status, live.hardwareCounter()),
                CpuLoad.detect(sys), sys.unknowns());
    }

    private static List<Vulnerability> vulnerabilities(SysRoot sys) {
        List<String> names = sys.list(VULNERABILITIES);
        if (names.isEmpty()) {
            sys.note("CPU vulnerabilities", "no /" + VULNERABILITIES
                    + " (kernel older than 4.15, or a sandbox such as gVisor that does not expose it)");
        }
        List<Vulnerability> vulns = new ArrayList<>();
        for (String name : names) {
            String raw = sys.line(VULNERABILITIES + "/" + name).orElse("Unknown: unreadable");
            vulns.add(Vulnerability.of(name, raw));
        }
        return List.copyOf(vulns);
    }

    /** The entry for one vulnerability ("meltdown", "spectre_v2", ...). */
    public Optional<Vulnerability> vulnerability(String name) {
        return vulnerabilities.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The distinct mitigation costs on the syscall path ("PTI", "retpolines", "VERW on exit", ...). */
    public List<String> syscallPathCosts() {
        Set<String> costs = new LinkedHashSet<>();
        vulnerabilities.forEach(v -> costs.addAll(v.syscallPathCosts()));
        return List.copyOf(costs);
    }

    /** Lines a report must show loudly: what makes the numbers here untrustworthy or unusual. */
    public List<String> warnings() {
        return EnvironmentWarnings.of(this);
    }

    /** 3–6 short lines for every report header: kernel, CPU, virtualisation, syscall path, time, observability. */
    public List<String> summaryLines() {
        return EnvironmentSummary.lines(this);
    }
}
