package dev.syscost.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The environment facts that make syscall figures untrustworthy or unusual, one line each. */
final class EnvironmentWarnings {
    /** A 1-minute load average at or above this share of the online CPUs is "busy". */
    static final double BUSY_LOAD_PER_CPU = 0.75;

    private EnvironmentWarnings() {}

    static List<String> of(Environment env) {
        List<String> w = new ArrayList<>();
        Virtualisation v = env.virtualisation();
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
        vulnerable(env, w);
        PageTableIsolation pti = env.pageTableIsolation();
        if (Boolean.TRUE.equals(pti.active()) && !pti.pcid()) {
            w.add("PTI without PCID: every kernel entry and exit flushes the TLB, so syscalls cost far more"
                    + " than on a machine with PCID");
        }
        for (CommandLineSwitch s : env.commandLineSwitches()) {
            if (s.text().equals("mitigations=off") || s.text().equals("nopti") || s.text().equals("pti=off")
                    || s.text().equals("nospectre_v2") || s.text().equals("spectre_v2=off")) {
                w.add(s.text() + " on the kernel command line: mitigations switched off, so syscalls cost less"
                        + " than on a default kernel");
            }
        }
        Timekeeping t = env.timekeeping();
        if (Boolean.FALSE.equals(t.vdsoClockGettime())) {
            w.add(t.effect());
        }
        load(env, w);
        String governor = env.load().cpufreqGovernor();
        if (!governor.equals(Kernel.UNKNOWN) && !governor.equals("performance")) {
            w.add("cpufreq governor " + governor + ": the clock may ramp during a run (use `performance` for"
                    + " steady figures)");
        }
        return List.copyOf(w);
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

    private static void load(Environment env, List<String> w) {
        Double load = env.load().loadAverage1m();
        int cpus = env.cpu().cpusOnline();
        if (load != null && cpus > 0 && load >= BUSY_LOAD_PER_CPU * cpus) {
            w.add(String.format(Locale.ROOT, "load average %.2f on %d CPU(s): other work competes with the"
                    + " measurement (expect a wide spread)", load, cpus));
        }
    }
}
