package dev.syscost.serve;

import dev.syscost.sys.ProcFiles;
import java.io.IOException;
import java.nio.file.Path;

/** This process's soft limit on open descriptors (RLIMIT_NOFILE), read from /proc/self/limits. */
final class OpenFileLimit {
    private static final long UNKNOWN = 1024;

    private OpenFileLimit() {}

    static long soft() {
        try {
            for (String line : ProcFiles.read(Path.of("/proc/self/limits")).split("\n")) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Fall through: assume the common default.
        }
        return UNKNOWN;
    }
}
