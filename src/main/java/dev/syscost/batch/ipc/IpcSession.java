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
    private PeerProcess peer;
    private boolean closed;

    private IpcSession(Path dir) {
        this.dir = dir;
        this.hook = new Thread(() -> release(false), "syscost-ipc-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Creates the temp dir under {@code parent} and starts the peer. */
    static IpcSession open(Path parent) {
        Path dir;
        try {
            dir = Files.createTempDirectory(parent, "syscost-ipc-");
        } catch (IOException | SecurityException e) {
            throw new SyscostException("cannot create a temp dir in " + parent + " (" + e.getMessage()
                    + "); choose a writable directory with --temp-dir");
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

    private synchronized void startPeer() {
        peer = PeerProcess.start();
    }

    Path dir() {
        return dir;
    }

    synchronized PeerProcess peer() {
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
    private synchronized void release(boolean graceful) {
        if (closed) {
            return;
        }
        closed = true;
        if (peer != null && graceful) {
            peer.close();
        } else if (peer != null) {
            peer.reap();
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
