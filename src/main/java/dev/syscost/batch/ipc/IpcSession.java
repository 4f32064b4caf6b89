package dev.syscost.batch.ipc;

import dev.syscost.SyscostException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a run holds and must give back however it ends: the peer process and a private temp dir for
 * the meeting files. Closed normally, on failure, and by a shutdown hook on Ctrl-C or SIGTERM.
 */
final class IpcSession implements AutoCloseable {
    private final Path dir;
    private final Thread hook;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile PeerProcess peer;

    private IpcSession(Path dir) {
        this.dir = dir;
        // The hook takes no lock: on Ctrl-C the main thread may sit in startPeer() waiting for the peer's
        // handshake, and a hook that waited for it would hold up the exit.
        this.hook = new Thread(this::releaseOnShutdown, "syscost-ipc-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Creates the temp dir under {@code parent} and starts the peer. */
    static IpcSession open(Path parent) {
        Path dir;
        try {
            dir = Files.createTempDirectory(parent, "syscost-ipc-");
        } catch (IOException | SecurityException e) {
            throw new SyscostException("cannot create a temp dir in " + parent + " (" + e.getMessage()
                    + "); choose a writable directory with --tmpdir");
        }
        IpcSession session = new IpcSession(dir);
        try {
            session.startPeer();
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    private void startPeer() {
        peer = PeerProcess.start();
    }

    Path dir() {
        return dir;
    }

    PeerProcess peer() {
        return peer;
    }

    @Override
    public void close() {
        release(true);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }

    /**
     * Stops and reaps the peer (asking it to quit first when {@code graceful}) and removes the temp dir;
     * safe to call twice, from the hook too.
     */
    private void release(boolean graceful) {
        if (closed.getAndSet(true)) {
            return;
        }
        PeerProcess p = peer;
        if (p != null && graceful) {
            p.close();
        } else if (p != null) {
            p.reap();
        }
        deleteTree(dir);
    }

    /** Kills peers even while one is still starting (not yet in {@link #peer}), then removes the files. */
    private void releaseOnShutdown() {
        if (closed.getAndSet(true)) {
            return;
        }
        ProcessHandle.current().children()
                .filter(h -> h.info().arguments().map(a -> java.util.Arrays.asList(a).contains(IpcPeer.class.getName()))
                        .orElse(false))
                .forEach(h -> {
                    h.destroyForcibly();
                    h.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> h).join();
                });
        PeerProcess p = peer;
        if (p != null) {
            p.reap();
        }
        deleteTree(dir);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Rendezvous::deleteQuietly);
        } catch (IOException e) {
            // Best effort: the names inside are unique to this run.
        }
    }
}
