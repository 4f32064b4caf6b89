package dev.syscost.report.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Header lines for an environment of the {@code syscost.env/1} shape (kernel, cpu, jdk, virtualisation,
 * vulnerabilities, timekeeping, observability), read from the tree so that a result file from another
 * machine is summarised the same way the command summarised it there.
 */
final class EnvSummary {
    private EnvSummary() {}

    static List<String> lines(JsonNode env) {
        List<String> lines = new ArrayList<>();
        JsonNode k = env.path("kernel");
        JsonNode jdk = env.path("jdk");
        lines.add("kernel: " + t(k, "release") + paren(t(k, "preemption")) + ", JDK " + t(jdk, "version") + paren(t(jdk, "vendor")));
        JsonNode cpu = env.path("cpu");
        lines.add("cpu: " + t(cpu, "modelName") + " (" + t(cpu, "vendor") + " family " + t(cpu, "family") + " model "
                + t(cpu, "model") + "), " + t(cpu, "cpusOnline") + " CPU(s) online");
        JsonNode v = env.path("virtualisation");
        String seccomp = switch (t(v, "seccompMode")) {
            case "0" -> "off";
            case "1" -> "strict";
            case "2" -> "filter (" + t(v, "seccompFilters") + ")";
            default -> "unknown";
        };
        lines.add("virt: hypervisor " + t(v, "hypervisor") + ", sandbox " + t(v, "sandbox") + ", container "
                + (v.path("container").path("detected").asBoolean(false) ? t(v.path("container"), "runtime") : "none")
                + ", seccomp " + seccomp);
        lines.add("syscall path: " + syscallPath(env));
        JsonNode time = env.path("timekeeping");
        JsonNode inVdso = time.path("vdsoClockGettime");
        lines.add("time: clocksource " + t(time, "clocksource") + ", clock_gettime "
                + (inVdso.isBoolean() ? (inVdso.asBoolean() ? "in the vDSO" : "a syscall") : "host-dependent"));
        JsonNode o = env.path("observability");
        JsonNode hc = o.path("hardwareCounter");
        lines.add("observe: perf_event_paranoid=" + t(o, "perfEventParanoid") + ", hardware counters "
                + (hc.path("opened").asBoolean(false) ? "available" : "unavailable" + paren(t(hc, "errno"))));
        return lines;
    }

    private static String syscallPath(JsonNode env) {
        List<String> costs = new ArrayList<>();
        JsonNode pti = env.path("pageTableIsolation");
        if (pti.path("active").asBoolean(false)) {
            costs.add(pti.path("pcid").asBoolean(false) ? "PTI with PCID" : "PTI without PCID");
        }
        for (JsonNode vuln : env.path("vulnerabilities")) {
            if (vuln.path("onSyscallPath").asBoolean(false)) {
                for (JsonNode c : vuln.path("syscallPathCosts")) {
                    if (!costs.contains(c.asText()) && !c.asText().equals("PTI")) {
                        costs.add(c.asText());
                    }
                }
            }
        }
        return costs.isEmpty() ? "no mitigation work on entry/exit" : String.join(", ", costs);
    }

    private static String t(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "unknown";
    }

    private static String paren(String s) {
        return s.isEmpty() || s.equals("unknown") || s.equals("none") ? "" : " (" + s + ")";
    }
}
