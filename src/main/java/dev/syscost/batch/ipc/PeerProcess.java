package dev.syscost.batch.ipc;

import dev.syscost.sys.ProcFiles;
import dev.syscost.SyscostException;
import dev.syscost.sys.PerfEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The peer: a second JVM running this same code ({@link IpcPeer#main}, which is also
 * {@code syscost __ipc-peer}), started with the current java binary and class path. It is driven by
 * tab-separated lines on its stdin and answers with {@code @ipc ...} lines on stdout; anything else it
 * prints is kept for error messages.
 */
final class PeerProcess implements AutoCloseable {
    static final String PREFIX = "@ipc ";
    private static final String EOF = "\u0000eof";

    private final Process process;
    private final PrintWriter toPeer;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Deque<String> otherOutput = new ArrayDeque<>();
    private volatile Channel watched;

    private PeerProcess(Process process) {
        this.process = process;
        this.toPeer = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread reader = new Thread(this::readReplies, "ipc-peer-reader");
        reader.setDaemon(true);
        reader.start();
        // A peer that dies cannot ring a doorbell: abandon the channel at once rather than wait out the watchdog.
        process.onExit().thenRun(() -> {
            Channel ch = watched;
            if (ch != null) {
                ch.abort();
            }
        });
    }

    /** The channel to abandon if the peer exits ({@code null}: none). */
    void watch(Channel ch) {
        watched = ch;
        if (ch != null && !process.isAlive()) {
            ch.abort();
        }
    }

    /** "the peer process exited (exit code N)" if it has, or does within a second (its pipes close first); else null. */
    String exitDescription() {
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return "the peer process exited (exit code " + process.exitValue() + ")" + lastOutput();
    }

    /** Starts the peer JVM; throws {@link SyscostException} naming the fix when it cannot. */
    static PeerProcess start() {
        List<String> cmd = command();
        try {
            return new PeerProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new SyscostException("cannot start the peer process (" + cmd.getFirst() + "): " + e.getMessage()
                    + "; check that the java binary is still there and executable");
        }
    }

    /** The peer's command line: this JVM's binary and class path, native access, serial GC. */
    static List<String> command() {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
        List<String> cmd = new ArrayList<>(Arrays.asList(java, "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx256m", "-Duser.language=en"));
        sharedArchive().ifPresent(archive -> cmd.addAll(List.of("-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")));
        if (PerfEvents.forcedOff()) {
            cmd.add("-D" + PerfEvents.DISABLE_PROPERTY + "=true");
        }
        // IpcPeer's own main, not `syscost __ipc-peer`: building the picocli tree costs the peer ~1 s more
        // start-up on a loaded 2-CPU machine (0.4-0.7 s against 1.4-2.1 s), a tenth of the --quick budget.
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), IpcPeer.class.getName()));
        return cmd;
    }

    /**
     * A class-data archive for the peer, next to the one the launcher gives this JVM ({@code syscost-peer.jsa}
     * beside {@code syscost.jsa}); the JVM makes it on the first run and checks it on every later one. It
     * cuts the peer's start-up, which competes with the parent's for a small machine's CPUs. Found through
     * /proc, to avoid loading java.management; none when this JVM has no archive (tests, the API).
     */
    private static Optional<String> sharedArchive() {
        try {
            String cmdline = ProcFiles.read(Path.of("/proc/self/cmdline"));
            return Arrays.stream(cmdline.split("\u0000"))
                    .filter(a -> a.startsWith("-XX:SharedArchiveFile="))
                    .map(a -> Path.of(a.substring("-XX:SharedArchiveFile=".length())).toAbsolutePath())
                    .filter(p -> p.getParent() != null && Files.isWritable(p.getParent()))
                    .map(p -> p.resolveSibling("syscost-peer.jsa").toString())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    long pid() {
        return process.pid();
    }

    /** Sends one control line (fields joined by tabs). */
    void send(List<String> fields) {
        toPeer.println(String.join("\t", fields));
        if (toPeer.checkError()) {
            throw new SyscostException("the peer process has gone (exit code " + exitCode() + ")" + lastOutput());
        }
    }

    /**
     * The next {@code @ipc} reply, split into fields (kind first). An {@code ERROR} reply, the peer's
     * exit, or no reply within {@code timeoutMs} throw {@link SyscostException}.
     */
    List<String> expect(long timeoutMs) {
        String line;
        try {
            line = replies.poll(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyscostException("interrupted while waiting for the peer process");
        }
        if (line == null) {
            throw new SyscostException("the peer process did not answer within " + timeoutMs / 1000.0
                    + " s; the machine may be overloaded: rerun" + lastOutput());
        }
        if (line.equals(EOF)) {
            throw new SyscostException("the peer process exited (exit code " + exitCode() + ")" + lastOutput());
        }
        List<String> fields = List.of(line.split("\t", -1));
        if (fields.getFirst().equals("ERROR")) {
            throw new SyscostException("the peer process failed: " + String.join(" ", fields.subList(1, fields.size())));
        }
        return fields;
    }

    /** The peer's own account of a failure, if it gives one within {@code waitMs}; else null. */
    String failureReport(long waitMs) {
        long end = System.nanoTime() + waitMs * 1_000_000L;
        while (System.nanoTime() < end) {
            String line;
            try {
                line = replies.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000L), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (line == null || line.equals(EOF)) {
                return null;
            }
            if (line.startsWith("ERROR\t")) {
                return line.substring(6).replace('\t', ' ');
            }
        }
        return null;
    }

    /** Kills the peer at once (from any thread). */
    void kill() {
        process.destroyForcibly();
    }

    /** Asks the peer to quit, then kills it if it has not, and reaps it. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                toPeer.println("QUIT");
                process.waitFor(3, TimeUnit.SECONDS); // the first run also writes the peer's class archive
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reap();
        }
    }

    /** Kills and waits for the peer: what the shutdown hook does on Ctrl-C. */
    void reap() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        toPeer.close();
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private String lastOutput() {
        synchronized (otherOutput) {
            return otherOutput.isEmpty() ? "" : "; it said: " + String.join(" | ", otherOutput);
        }
    }

    private void readReplies() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(PREFIX)) {
                    replies.add(line.substring(PREFIX.length()));
                } else if (!line.isBlank()) {
                    synchronized (otherOutput) {
                        if (otherOutput.size() == 5) {
                            otherOutput.removeFirst();
                        }
                        otherOutput.addLast(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            // The stream closes when the peer dies; EOF below says so.
        }
        replies.add(EOF);
    }
}
