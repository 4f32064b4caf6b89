package dev.syscost.env;

import java.util.ArrayList;
import java.util.List;

/** The short environment lines every report header prints. */
final class EnvironmentSummary {
    private EnvironmentSummary() {}

    static List<String> lines(Environment env) {
        List<String> lines = new ArrayList<>();
        Kernel k = env.kernel();
        lines.add("kernel   " + k.release() + (k.preemption().equals("none") || k.preemption().equals(Kernel.UNKNOWN)
                ? "" : " (" + k.preemption() + ")") + ", JDK " + env.jdk().version() + " (" + env.jdk().vendor() + ")");
        lines.add("cpu      " + env.cpu().describe() + ", " + env.cpu().cpusOnline() + " CPU(s) online");
        lines.add("virt     " + virt(env.virtualisation()));
        lines.add("syscall  " + syscallPath(env));
        lines.add("time     " + time(env.timekeeping()));
        lines.add("observe  " + observe(env.observability()));
        return List.copyOf(lines);
    }

    private static String virt(Virtualisation v) {
        String seccomp = v.seccompMode() == null ? "unknown"
                : switch (v.seccompMode()) {
                    case 0 -> "off";
                    case 1 -> "strict";
                    default -> "filter" + (v.seccompFilters() == null ? "" : " (" + v.seccompFilters() + ")");
                };
        return v.describe() + ", container " + (v.container().detected() ? v.container().runtime() : "none")
                + ", seccomp " + seccomp;
    }

    private static String syscallPath(Environment env) {
        List<String> costs = new ArrayList<>(env.syscallPathCosts());
        PageTableIsolation pti = env.pageTableIsolation();
        if (costs.remove("PTI") || Boolean.TRUE.equals(pti.active())) {
            costs.addFirst(pti.pcid() ? "PTI with PCID" : "PTI without PCID");
        }
        if (env.vulnerabilities().isEmpty()) {
            return "mitigations unknown (no vulnerabilities directory)";
        }
        String path = costs.isEmpty() ? "no mitigation work on entry/exit" : String.join(", ", costs);
        List<String> switches = env.commandLineSwitches().stream()
                .filter(s -> s.kind().equals(CommandLineSwitch.MITIGATION)).map(CommandLineSwitch::text).toList();
        return switches.isEmpty() ? path : path + " [cmdline: " + String.join(" ", switches) + "]";
    }

    private static String time(Timekeeping t) {
        String vdso = t.vdsoPresent() == null ? "vDSO unknown" : t.vdsoPresent() ? "vDSO mapped" : "no vDSO";
        String inVdso = t.vdsoClockGettime() == null ? "host-dependent"
                : t.vdsoClockGettime() ? "in the vDSO" : "a syscall";
        return vdso + ", clocksource " + t.clocksource() + " (clock_gettime: " + inVdso + ")";
    }

    private static String observe(Observability o) {
        HardwareCounter hc = o.hardwareCounter();
        return "perf_event_paranoid=" + (o.perfEventParanoid() == null ? "unknown" : o.perfEventParanoid())
                + ", tracefs " + (o.tracefsReadable() ? "readable" : "not readable")
                + ", " + (o.root() ? "root" : o.capPerfmon() ? "CAP_PERFMON" : "unprivileged")
                + ", hardware counters " + (hc.opened() ? "available" : "unavailable (" + hc.errno() + ")");
    }
}
