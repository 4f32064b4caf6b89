package dev.syscost.report.metrics;

import com.fasterxml.jackson.databind.JsonNode;

/** The metrics of a {@code syscost.profile/1} result (or a watched process): syscall counts per process. */
public final class ProfileMetrics {
    private ProfileMetrics() {}

    /** The pid label of a profile: its "pid" field, else "" (a profiled command whose pid was not kept). */
    static String pidOf(JsonNode profile) {
        JsonNode pid = profile.path("target").path("pid").isMissingNode() ? profile.path("pid") : profile.path("target").path("pid");
        return pid.isNumber() || pid.isTextual() ? pid.asText() : "";
    }

    /** Adds a process's syscall counts under {@code pid}. */
    public static void addTo(MetricFamilies m, JsonNode profile, String pid) {
        String comm = comm(profile);
        for (JsonNode s : profile.path("syscalls")) {
            if (s.path("count").isNumber()) {
                // the family serve --watch and serve --node export, with the same labels
                m.counter("syscost_process_syscalls", "Syscalls the process made, by syscall, since syscost began counting.",
                        s.path("count").asDouble(), "pid", pid, "comm", comm, "syscall", s.path("name").asText());
            }
        }
        if (profile.path("totalSyscalls").isNumber()) {
            m.counter("syscost_process_syscalls_all", "All syscalls the process made since syscost began counting.",
                    profile.path("totalSyscalls").asDouble(), "pid", pid);
        }
        if (profile.path("syscallsPerSec").isNumber()) {
            m.gauge("syscost_process_syscalls_per_second", "The process's syscall rate over the last counting window.",
                    profile.path("syscallsPerSec").asDouble(), "pid", pid);
        }
        JsonNode tax = profile.path("tax");
        if (tax.path("boundedSeconds").isNumber()) {
            m.gauge("syscost_process_boundary_tax_seconds", "Estimated time at the user/kernel boundary, limited to the "
                    + "traced tree's CPU time (the priced estimate is never shown above it).",
                    tax.path("boundedSeconds").asDouble(), "pid", pid);
        }
        if (tax.path("boundSeconds").isNumber()) {
            m.gauge("syscost_process_boundary_tax_bound_seconds", "What the boundary tax cannot exceed: the traced "
                    + "tree's CPU time (user + system less the profiler's perturbation).", tax.path("boundSeconds").asDouble(), "pid", pid);
        }
        if (tax.path("pricesFit").isBoolean()) {
            m.gauge("syscost_process_boundary_prices_fit", "1 when the priced estimate is within the CPU-time bound, 0 when "
                    + "the calibrated prices do not fit this run.", tax.path("pricesFit").asBoolean() ? 1 : 0, "pid", pid);
        }
        String command = command(profile);
        if (!command.isEmpty()) {
            m.info("syscost_process", "A process whose syscalls syscost counts.", "pid", pid, "command", command);
        }
    }

    /** The kernel's name for a started command: its program's file name, cut to 15 bytes; "" for an attached pid. */
    static String comm(JsonNode profile) {
        JsonNode c = profile.path("target").path("command").isMissingNode() ? profile.path("command") : profile.path("target").path("command");
        String first = c.isArray() && !c.isEmpty() ? c.get(0).asText() : "";
        String name = first.substring(first.lastIndexOf('/') + 1);
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    private static String command(JsonNode profile) {
        JsonNode c = profile.path("target").path("command").isMissingNode() ? profile.path("command") : profile.path("target").path("command");
        String text;
        if (c.isArray()) {
            StringBuilder sb = new StringBuilder();
            c.forEach(a -> sb.append(sb.isEmpty() ? "" : " ").append(a.asText()));
            text = sb.toString();
        } else {
            text = c.isValueNode() && !c.isNull() ? c.asText() : "";
        }
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
