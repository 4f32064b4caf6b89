package dev.syscost.indirect;

import dev.syscost.InvalidSettingException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A syscall interleaved with the workload, chosen for how much kernel state it touches. */
public enum Disturber {
    /** The minimal syscall: enter, read one field, leave. */
    GETPPID("getppid"),
    /** A 4 KiB pread of a page-cached temp file: a page-cache lookup and a 4 KiB copy to user space. */
    PREAD_4K("pread_4k"),
    /** sched_yield: runs the scheduler, and on a busy CPU may switch to another task. */
    SCHED_YIELD("sched_yield");

    private final String id;

    Disturber(String id) {
        this.id = id;
    }

    /** The name used on the command line and in JSON. */
    public String id() {
        return id;
    }

    /** Parses a disturber name; an unknown one is an {@link InvalidSettingException} that lists the valid names. */
    public static Disturber parse(String name) {
        String want = name.trim().toLowerCase(Locale.ROOT);
        for (Disturber d : values()) {
            if (d.id.equals(want)) {
                return d;
            }
        }
        throw new InvalidSettingException("disturbers", ": unknown disturber '" + name + "'; choose from " + names(), null);
    }

    /** The valid names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(Disturber::id).collect(Collectors.joining(", "));
    }
}
