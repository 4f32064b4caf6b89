package dev.syscost.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds tracefs and the numeric ids of tracepoints in it. */
public final class Tracefs {
    private static final List<Path> MOUNTS = List.of(Path.of("/sys/kernel/tracing"), Path.of("/sys/kernel/debug/tracing"));

    private Tracefs() {}

    /** The directory tracefs is mounted on, if any, with its events readable. */
    public static Optional<Path> root() {
        for (Path p : MOUNTS) {
            if (Files.isReadable(p.resolve("events"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The id of tracepoint {@code group:name}. When tracefs is not mounted and we are root, mounts it on
     * /sys/kernel/tracing (the kernel's documented place, as perf itself does).
     */
    public static int eventId(String group, String name) {
        Path root = root().orElseGet(Tracefs::mountIfPossible);
        Path id = root.resolve("events").resolve(group).resolve(name).resolve("id");
        try {
            return Integer.parseInt(ProcFiles.read(id).trim());
        } catch (IOException | NumberFormatException e) {
            throw new NativeException("read " + id, Errno.ENOENT,
                    "the kernel has no tracepoint " + group + ":" + name + " (CONFIG_FTRACE_SYSCALLS)");
        }
    }

    /** Where /proc/self/mounts says tracefs is mounted, readable or not. */
    static Optional<Path> mountedAt() {
        try {
            for (String line : ProcFiles.read(Path.of("/proc/self/mounts")).split("\n")) {
                String[] f = line.split(" ");
                if (f.length > 2 && f[2].equals("tracefs")) {
                    return Optional.of(Path.of(f[1]));
                }
            }
        } catch (IOException e) {
            // no mount table: treat as not mounted
        }
        return Optional.empty();
    }

    /** The {@code format} file of a tracepoint, for field offsets. */
    public static String format(String group, String name) throws IOException {
        Path root = root().orElseGet(Tracefs::mountIfPossible);
        return ProcFiles.read(root.resolve("events").resolve(group).resolve(name).resolve("format"));
    }

    private static Path mountIfPossible() {
        Optional<Path> mounted = mountedAt();
        if (mounted.isPresent()) {
            // Mounted, but its events are not readable: a permission problem, which mounting cannot fix.
            throw new NativeException("reading tracefs at " + mounted.get(), Errno.EACCES,
                    "it is mounted, but this user may not read its events: run as root, or `sudo chmod -R o+rX " + mounted.get() + "/events`");
        }
        Path target = MOUNTS.get(0);
        if (Files.isDirectory(target)) {
            try (var arena = java.lang.foreign.Arena.ofConfined()) {
                long src = arena.allocateFrom("nodev").address();
                long dst = arena.allocateFrom(target.toString()).address();
                long type = arena.allocateFrom("tracefs").address();
                Libc.syscallChecked("mount tracefs", null, SyscallTable.x86_64().number("mount"),
                        src, dst, type, 0, 0, 0);
                if (Files.isReadable(target.resolve("events"))) {
                    return target;
                }
            } catch (NativeException e) {
                throw new NativeException("tracefs is not mounted", e.errno(),
                        "run as root, or `mount -t tracefs nodev /sys/kernel/tracing`");
            }
        }
        throw new NativeException("tracefs is not mounted", Errno.ENOENT,
                "run as root, or `mount -t tracefs nodev /sys/kernel/tracing`");
    }
}
