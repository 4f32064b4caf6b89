package dev.syscost.indirect;

import dev.syscost.InvalidSettingException;
import java.util.Locale;

/** The user-mode work a syscall's aftermath is measured on. */
public enum Workload {
    /** A pointer chase over a random cyclic permutation of the working set's cache lines: latency-bound, cache- and TLB-sensitive. */
    CHASE("chase"),
    /** The same chase with a data-dependent branch per step on a fixed random bit that picks where the next pointer is read. */
    BRANCHY("branchy");

    private final String id;

    Workload(String id) {
        this.id = id;
    }

    /** The name used on the command line and in JSON. */
    public String id() {
        return id;
    }

    /** Parses a workload name; an unknown one is an {@link InvalidSettingException}. */
    public static Workload parse(String name) {
        String want = name.trim().toLowerCase(Locale.ROOT);
        for (Workload w : values()) {
            if (w.id.equals(want)) {
                return w;
            }
        }
        throw new InvalidSettingException("workloads", ": unknown workload '" + name + "'; choose from chase, branchy", null);
    }
}
