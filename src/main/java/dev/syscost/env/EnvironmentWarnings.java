package dev.syscost.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The environment facts that make syscall figures untrustworthy or unusual, one line each. */
final class EnvironmentWarnings {
    /** A 1-minute load average at or above this share of the online CPUs is "busy". */
    static final double BUSY_LOAD_PER_CPU = 0.75;
    private static final Set<String> OFF_SWITCHES = Set.of("mitigations=off", "nopti", "pti=off", "nospectre_v2",
            "spectre_v2=off");

    private EnvironmentWarnings() {}

    static List<String> of(Environment env) {
        List<String> w = new ArrayList<>();
        isolation(env.virtualisation(), w);
        vulnerable(env, w);
        mitigationsOff(env, w);
        Timekeeping t = env.timekeeping();
        if (Boolean.FALSE.equals(t.vdsoClockGettime())) {
            w.add(t.effect());
        }
        load(env, w);
        return List.copyOf(w);
    }

    /** Sandbox, hypervisor and seccomp: layers that add their own work to every syscall. */
    private static void isolation(Virtualisation v, List<String> w) {
        if (!v.sandbox().equals(Virtualisation.NONE)) {
            w.add(v.sandbox() + " sandbox: every syscall is served by " + v.sandbox()
                    + "'s own kernel in user space, so costs here are the sandbox's, not Linux's");
        }
        if (!v.hypervisor().equals(Virtualisation.NONE)) {
            w.add("running under a hypervisor (" + v.hypervisor() + "): some syscalls and timer reads may exit to"
                    + " the host, and steal time adds noise");
        }
        if (v.seccompFilters() != null && v.seccompFilters() > 0) {
            w.add(v.seccompFilters() + " seccomp filter(s) attached: each runs on every syscall and adds to its cost");
        } else if (v.seccompMode() != null && v.seccompMode() == 2) {
            w.add("seccomp filter mode: attached filters run on every syscall and add to its cost");
        }
    }

    /** PTI without PCID, and mitigations switched off on the command line: unusually dear or cheap entries. */
    private static void mitigationsOff(Environment env, List<String> w) {
        PageTableIsolation pti = env.pageTableIsolation();
        if (Boolean.TRUE.equals(pti.active()) && !pti.pcid()) {
            w.add("PTI without PCID: every kernel entry and exit flushes the TLB, so syscalls cost far more"
                    + " than on a machine with PCID");
        }
        for (CommandLineSwitch s : env.commandLineSwitches()) {
            if (OFF_SWITCHES.contains(s.text())) {
                w.add(s.text() + " on the kernel command line: mitigations switched off, so syscalls cost less"
                        + " than on a default kernel");
            }
        }
    }

    private static void vulnerable(Environment env, List<String> w) {
        List<String> names = env.vulnerabilities().stream()
                .filter(x -> x.status() == VulnerabilityStatus.VULNERABLE)
                .map(x -> x.name() + " (" + x.raw() + ")").toList();
        if (!names.isEmpty()) {
            w.add("CPU left vulnerable to " + String.join(", ", names) + ": no mitigation on the syscall path for"
                    + " these, so costs may be lower than on a fully patched machine");
        }
    }

    /** A busy machine and a ramping clock: noise rather than cost. */
    private static void load(Environment env, List<String> w) {
        Double load = env.load().loadAverage1m();
        int cpus = env.cpu().cpusOnline();
        if (load != null && cpus > 0 && load >= BUSY_LOAD_PER_CPU * cpus) {
            w.add(String.format(Locale.ROOT, "load average %.2f on %d CPU(s): other work competes with the"
                    + " measurement (expect a wide spread)", load, cpus));
        }
        String governor = env.load().cpufreqGovernor();
        if (!governor.equals(Kernel.UNKNOWN) && !governor.equals("performance")) {
            w.add("cpufreq governor " + governor + ": the clock may ramp during a run (use `performance` for"
                    + " steady figures)");
        }
    }
}
