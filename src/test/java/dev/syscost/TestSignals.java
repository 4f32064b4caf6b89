package dev.syscost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The signal a test sends for "Ctrl-C". A process started in the background by a non-interactive
 * shell has SIGINT ignored, every child inherits that, and a JVM then installs no SIGINT handler: the
 * signal does nothing. There the test sends SIGTERM, which runs the same shutdown hooks, and says so.
 */
public final class TestSignals {
    private TestSignals() {}

    /** "-INT" where SIGINT reaches children of this JVM, else "-TERM". */
    public static String ctrlC() {
        if (sigintIgnored()) {
            System.out.println("SIGINT is ignored in this process tree (started in the background?); sending SIGTERM instead");
            return "-TERM";
        }
        return "-INT";
    }

    static boolean sigintIgnored() {
        return ignored(2);
    }

    /**
     * Whether signal {@code signo} is ignored in this JVM, and so in every child it starts (under
     * {@code nohup}, SIGHUP is): a child JVM then installs no handler for it, and the signal does nothing.
     */
    public static boolean ignored(int signo) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << (signo - 1))) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }
}
