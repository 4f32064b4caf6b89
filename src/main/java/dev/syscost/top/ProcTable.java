package dev.syscost.top;

import dev.syscost.sys.ProcFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One pass over {@code /proc/[0-9]*}{@code /stat}: every process's name and system CPU time, as top(1)
 * reads them. A process that exits mid-pass is simply absent.
 */
public final class ProcTable {
    /** What one process's stat line says. {@code systemTicks} is stime, in USER_HZ (100 per second). */
    public record Entry(int pid, String comm, long systemTicks) {}

    private ProcTable() {}

    /** Every process now. */
    public static Map<Integer, Entry> scan() {
        Map<Integer, Entry> out = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), p -> isPid(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                int pid = Integer.parseInt(dir.getFileName().toString());
                try {
                    out.put(pid, parse(pid, ProcFiles.read(dir.resolve("stat"))));
                } catch (IOException | RuntimeException e) {
                    // exited between listing and reading
                }
            }
        } catch (IOException e) {
            // /proc unreadable: no names, no %system; counts still stand
        }
        return out;
    }

    /** Parses {@code pid (comm) state ... utime stime ...}; the name may hold spaces and parentheses. */
    static Entry parse(int pid, String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String[] f = stat.substring(close + 2).split(" ");
        // after "pid (comm) ": f[0] is field 3 (state), so stime (field 15) is f[12]
        return new Entry(pid, stat.substring(open + 1, close), Long.parseLong(f[12]));
    }

    private static boolean isPid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
