package dev.syscost.profile;

import dev.syscost.sys.ProcFiles;
import dev.syscost.sys.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * Routes the JVM's SIGINT, SIGTERM and SIGHUP to the profile in progress (installed once per JVM); with no
 * profile running, the JVM exits as it would have (128+N).
 */
final class SignalRelay {
    private static volatile IntConsumer target;
    private static boolean installed;

    private SignalRelay() {}

    /** Sends both signals to {@code handler} until {@link #release()}; false when the JVM refused the handlers. */
    static synchronized boolean route(IntConsumer handler) {
        if (!installed) {
            installed = Processes.onSignal("INT", () -> deliver(Processes.SIGINT))
                    & Processes.onSignal("TERM", () -> deliver(Processes.SIGTERM))
                    & Processes.onSignal("HUP", () -> deliver(Processes.SIGHUP));
        }
        target = handler;
        return installed;
    }

    static void release() {
        target = null;
    }

    private static void deliver(int signal) {
        IntConsumer t = target;
        if (t == null) {
            Runtime.getRuntime().exit(128 + signal);
        } else {
            t.accept(signal);
        }
    }

    /**
     * Whether this process is in its terminal's foreground process group: then a Ctrl-C at the terminal
     * reaches the command directly, and forwarding it too would deliver it twice.
     */
    static boolean inTerminalForeground() {
        try {
            String stat = ProcFiles.read(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            int pgrp = Integer.parseInt(f[2]);
            int tpgid = Integer.parseInt(f[5]);
            return tpgid > 0 && tpgid == pgrp;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
