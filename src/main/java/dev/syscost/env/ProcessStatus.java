package dev.syscost.env;

import java.util.HashMap;
import java.util.Map;

/** The fields of /proc/self/status that bear on the boundary: Uid, CapEff, Seccomp, Seccomp_filters. */
record ProcessStatus(Map<String, String> fields) {

    static ProcessStatus detect(SysRoot sys) {
        Map<String, String> fields = new HashMap<>();
        for (String line : sys.textOrNote("proc/self/status", "process status").orElse("").split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return new ProcessStatus(Map.copyOf(fields));
    }

    /** The effective uid (second field of "Uid:"), or null. */
    Integer effectiveUid() {
        String[] uids = fields.getOrDefault("Uid", "").split("\\s+");
        return uids.length >= 2 ? Observability.parseIntOrNull(uids[1]) : null;
    }

    /** The effective capability set, 0 when unknown. */
    long capEff() {
        try {
            return Long.parseUnsignedLong(fields.getOrDefault("CapEff", "0"), 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Seccomp mode (0 off, 1 strict, 2 filter), or null. */
    Integer seccompMode() {
        return Observability.parseIntOrNull(fields.getOrDefault("Seccomp", ""));
    }

    /** The number of seccomp filters attached to this thread, or null (older kernels, gVisor). */
    Integer seccompFilters() {
        return Observability.parseIntOrNull(fields.getOrDefault("Seccomp_filters", ""));
    }
}
