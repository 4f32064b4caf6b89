package dev.syscost.batch.amortize;

import dev.syscost.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the sweep writes: each a different kernel path behind the same write(2). */
public enum TargetKind {
    DEVNULL("devnull", "/dev/null: the kernel discards the bytes (entry and exit only)"),
    PIPE("pipe", "a pipe drained by a reader thread (default 64 KiB pipe buffer)"),
    FILE("file", "a file in the page cache (temp dir, rewound each trial, never synced)"),
    SOCKETPAIR("socketpair", "a UNIX stream socketpair drained by a reader thread"),
    TCP("tcp", "TCP over 127.0.0.1 drained by a reader thread (Nagle on, the default)");

    private final String id;
    private final String description;

    TargetKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name used on the command line and in JSON. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The kind named {@code id}; a {@link UsageException} listing the choices otherwise. */
    public static TargetKind parse(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new UsageException("unknown target '" + id + "'; choose from " + choices()));
    }

    static String choices() {
        return Arrays.stream(values()).map(TargetKind::id).collect(Collectors.joining(", "));
    }
}
