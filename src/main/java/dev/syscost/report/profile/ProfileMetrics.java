package dev.syscost.report.profile;

import dev.syscost.profile.ProfileResult;
import dev.syscost.report.metrics.MetricFamilies;
import java.util.List;

/** The metrics of a profile: its syscall counts, rate and boundary tax, labelled by the profiled process. */
final class ProfileMetrics {
    private ProfileMetrics() {}

    /** The pid label of a profile: its target's pid, else "" (a file that did not keep it). */
    static String pidOf(ProfileResult profile) {
        return profile.target() == null || profile.target().pid() == null ? "" : profile.target().pid().toString();
    }

    /** Adds the profile's families under its pid label. */
    static void addTo(MetricFamilies m, ProfileResult profile) {
        String pid = pidOf(profile);
        String comm = comm(profile);
        for (ProfileResult.Syscall s : ProfileFormat.syscalls(profile)) {
            // the family serve --watch and serve --node export, with the same labels
            m.counter("syscost_process_syscalls", "Syscalls the process made, by syscall, since syscost began counting.",
                    s.count(), "pid", pid, "comm", comm, "syscall", s.name() == null ? "" : s.name());
        }
        if (profile.totalSyscalls() != null) {
            m.counter("syscost_process_syscalls_all", "All syscalls the process made since syscost began counting.",
                    profile.totalSyscalls(), "pid", pid);
        }
        if (profile.syscallsPerSec() != null) {
            m.gauge("syscost_process_syscalls_per_second", "The process's syscall rate over the last counting window.",
                    profile.syscallsPerSec(), "pid", pid);
        }
        ProfileResult.Tax tax = profile.tax();
        if (tax != null && tax.boundedSeconds() != null) {
            m.gauge("syscost_process_boundary_tax_seconds", "Estimated time at the user/kernel boundary, limited to the "
                    + "traced tree's CPU time (the priced estimate is never shown above it).", tax.boundedSeconds(), "pid", pid);
        }
        if (tax != null && tax.boundSeconds() != null) {
            m.gauge("syscost_process_boundary_tax_bound_seconds", "What the boundary tax cannot exceed: the traced "
                    + "tree's CPU time (user + system less the profiler's perturbation).", tax.boundSeconds(), "pid", pid);
        }
        if (tax != null && tax.pricesFit() != null) {
            m.gauge("syscost_process_boundary_prices_fit", "1 when the priced estimate is within the CPU-time bound, 0 when "
                    + "the calibrated prices do not fit this run.", tax.pricesFit() ? 1 : 0, "pid", pid);
        }
        String command = command(profile);
        if (!command.isEmpty()) {
            m.info("syscost_process", "A process whose syscalls syscost counts.", "pid", pid, "command", command);
        }
    }

    /** The kernel's name for a started command: its program's file name, cut to 15 bytes; "" for an attached pid. */
    static String comm(ProfileResult profile) {
        List<String> c = command(profile.target());
        String first = c.isEmpty() ? "" : String.valueOf(c.get(0));
        String name = first.substring(first.lastIndexOf('/') + 1);
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    private static String command(ProfileResult profile) {
        StringBuilder sb = new StringBuilder();
        command(profile.target()).forEach(a -> sb.append(sb.isEmpty() ? "" : " ").append(a));
        String text = sb.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    private static List<String> command(ProfileResult.Target target) {
        return target == null || target.command() == null ? List.of() : target.command();
    }
}
