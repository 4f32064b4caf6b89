package dev.syscost.env;

import java.util.List;

/**
 * What syscost can observe here: perf_event_paranoid, tracefs, privileges (effective uid,
 * CAP_PERFMON, CAP_SYS_ADMIN), the perf PMUs the kernel registered, and whether a hardware counter opens.
 */
public record Observability(Integer perfEventParanoid, String perfEventParanoidMeaning, String tracefsPath,
                            boolean tracefsReadable, Integer effectiveUid, boolean root, boolean capPerfmon,
                            boolean capSysAdmin, List<String> perfPmus, HardwareCounter hardwareCounter) {
    static final int CAP_SYS_ADMIN = 21;
    static final int CAP_PERFMON = 38;
    private static final List<String> TRACEFS = List.of("sys/kernel/tracing", "sys/kernel/debug/tracing");

    static Observability detect(SysRoot sys, ProcessStatus status, HardwareCounter counter) {
        Integer paranoid = sys.lineOrNote("proc/sys/kernel/perf_event_paranoid", "perf_event_paranoid")
                .map(Observability::parseIntOrNull).orElse(null);
        String tracefs = "";
        boolean readable = false;
        for (String dir : TRACEFS) {
            if (sys.listable(dir + "/events")) {
                tracefs = "/" + dir;
                readable = true;
                break;
            }
        }
        if (!readable) {
            sys.note("tracefs", "no readable events directory under /sys/kernel/tracing or /sys/kernel/debug/tracing");
        }
        long caps = status.capEff();
        boolean perfmon = (caps >>> CAP_PERFMON & 1) == 1;
        boolean admin = (caps >>> CAP_SYS_ADMIN & 1) == 1;
        Integer euid = status.effectiveUid();
        List<String> pmus = sys.list("sys/bus/event_source/devices");
        return new Observability(paranoid, meaning(paranoid), tracefs, readable, euid,
                euid != null && euid == 0, perfmon, admin, pmus, inContext(counter, status, perfmon || admin));
    }

    /**
     * A refused counter's fix, completed with what this process lacks: under a seccomp filter and
     * without CAP_PERFMON/CAP_SYS_ADMIN (a container's default), being root in it is not enough.
     */
    static HardwareCounter inContext(HardwareCounter counter, ProcessStatus status, boolean privileged) {
        boolean permission = counter.errno().equals("EPERM") || counter.errno().equals("EACCES");
        Integer seccomp = status.seccompMode();
        if (counter.opened() || !permission || privileged || seccomp == null || seccomp != 2) {
            return counter;
        }
        String fix = (counter.fix().isEmpty() ? "" : counter.fix() + "; ") + "this process has a seccomp filter and"
                + " neither CAP_PERFMON nor CAP_SYS_ADMIN: in a container add the capability (e.g. `docker run"
                + " --cap-add PERFMON`) and a seccomp profile that allows perf_event_open";
        return new HardwareCounter(false, counter.errno(), counter.reason(), fix);
    }

    /** What a perf_event_paranoid level allows an unprivileged process. */
    static String meaning(Integer level) {
        if (level == null) {
            return "unknown";
        }
        if (level <= -1) {
            return "no restrictions";
        }
        return switch (level) {
            case 0 -> "unprivileged: per-process and CPU-wide events, no raw tracepoints";
            case 1 -> "unprivileged: user and kernel counting of own processes";
            case 2 -> "unprivileged: user-space counting of own processes only";
            default -> "unprivileged: no perf events at all (root or CAP_PERFMON needed)";
        };
    }

    static Integer parseIntOrNull(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
