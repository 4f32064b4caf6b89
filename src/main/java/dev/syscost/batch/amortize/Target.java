package dev.syscost.batch.amortize;

import dev.syscost.SyscostException;
import dev.syscost.sys.Libc;
import dev.syscost.sys.Sockets;
import dev.syscost.sys.Uio;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * An open write target: the descriptor the timed loop writes to, and the untimed bookkeeping around
 * it (rewinding the file, waiting until the reader has drained everything written).
 */
final class Target implements AutoCloseable {
    /** The most one trial writes to the file target, so the file stays in the page cache. */
    static final long FILE_REGION_BYTES = 64L << 20;
    private static final long VERIFY_BYTES = (1L << 20) + 4099;

    private final TargetKind kind;
    private final int writeFd;
    private final int readFd;
    private final Drain drain;
    private long sentBytes;

    private Target(TargetKind kind, int writeFd, int readFd, boolean drained) {
        this.kind = kind;
        this.writeFd = writeFd;
        this.readFd = readFd;
        this.drain = drained ? new Drain(readFd, kind.id()) : null;
    }

    /** Opens a target; the file target lives in {@code scratch} (a directory the caller removes). */
    static Target open(TargetKind kind, Path scratch) {
        return switch (kind) {
            case DEVNULL -> new Target(kind, Libc.openChecked("/dev/null", Libc.O_WRONLY | Libc.O_CLOEXEC, 0), -1, false);
            case FILE -> {
                String path = scratch.resolve("amortize.dat").toString();
                int fd = Libc.openChecked(path, Libc.O_RDWR | Libc.O_CREAT | Libc.O_TRUNC | Libc.O_CLOEXEC, 0600);
                yield new Target(kind, fd, fd, false);
            }
            case PIPE -> {
                int[] p = Libc.pipe(Libc.O_CLOEXEC);
                yield new Target(kind, p[1], p[0], true);
            }
            case SOCKETPAIR -> {
                int[] s = Sockets.socketpair(Sockets.SOCK_STREAM);
                yield new Target(kind, s[0], s[1], true);
            }
            case TCP -> openTcp();
        };
    }

    private static Target openTcp() {
        int listener = Sockets.socketInet(Sockets.SOCK_STREAM);
        int client = -1;
        try {
            int port = Sockets.bindLoopback(listener);
            Sockets.listen(listener, 1);
            client = Sockets.socketInet(Sockets.SOCK_STREAM);
            Sockets.connectLoopback(client, port);
            int server = Sockets.accept(listener);
            return new Target(TargetKind.TCP, client, server, true);
        } catch (RuntimeException e) {
            if (client >= 0) {
                Libc.close(client);
            }
            throw e;
        } finally {
            Libc.close(listener);
        }
    }

    TargetKind kind() {
        return kind;
    }

    int fd() {
        return writeFd;
    }

    /** How many bytes one trial may write (the file is rewound to stay inside its region). */
    long maxBytesPerTrial() {
        return kind == TargetKind.FILE ? FILE_REGION_BYTES : Long.MAX_VALUE;
    }

    /** Untimed, before each trial: rewind the file; wait until the reader has everything so far. */
    void beforeTrial() {
        if (kind == TargetKind.FILE) {
            Uio.lseekChecked(writeFd, 0, Uio.SEEK_SET);
        }
        if (kind == TargetKind.TCP) {
            // Nagle may hold the last small segment until an ACK the receiver delays by up to 40 ms;
            // switching TCP_NODELAY on pushes it at once, and off again restores the default for the trial.
            Sockets.setsockoptInt(writeFd, Sockets.IPPROTO_TCP, Sockets.TCP_NODELAY, 1);
            Sockets.setsockoptInt(writeFd, Sockets.IPPROTO_TCP, Sockets.TCP_NODELAY, 0);
        }
        if (drain != null) {
            drain.awaitReceived(sentBytes, kind.id());
        }
    }

    /** Records bytes the timed loop wrote. */
    void wrote(long bytes) {
        sentBytes += bytes;
    }

    long sentBytes() {
        return sentBytes;
    }

    /**
     * Writes a patterned stream in irregular chunks and checks that every byte arrives intact (read
     * back from the file; received by the reader for pipes and sockets). Returns the bytes checked.
     */
    long verify() {
        if (kind == TargetKind.DEVNULL) {
            return 0;
        }
        beforeTrial();
        long start = kind == TargetKind.FILE ? 0 : sentBytes; // the file is checked from its start
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(VERIFY_BYTES);
            StreamPattern.fill(buf, VERIFY_BYTES, start);
            long[] chunks = {1, 7, 4096, 65536 + 13, 1, 300_000};
            long done = 0;
            for (int i = 0; done < VERIFY_BYTES; i++) {
                long n = Math.min(chunks[i % chunks.length], VERIFY_BYTES - done);
                done += Libc.writeChecked(writeFd, buf.asSlice(done, n), n);
            }
            sentBytes += done;
            if (drain != null) {
                drain.awaitReceived(sentBytes, kind.id());
                drain.stopChecking();
            } else {
                checkFile(arena, done);
            }
            return done;
        }
    }

    private void checkFile(Arena arena, long n) {
        MemorySegment back = arena.allocate(n);
        long got = 0;
        while (got < n) {
            long r = Uio.preadChecked(readFd, back.asSlice(got), n - got, got);
            if (r == 0) {
                break;
            }
            got += r;
        }
        long bad = got < n ? got : StreamPattern.firstMismatch(back, n, 0);
        if (bad >= 0) {
            throw new SyscostException("file: byte " + bad + " read back differs from what was written");
        }
    }

    /** Closes the writer first, so the reader sees end-of-file and exits; then its end. */
    @Override
    public void close() {
        Libc.close(writeFd);
        if (drain != null) {
            if (kind != TargetKind.PIPE) {
                try {
                    Sockets.shutdown(readFd, Sockets.SHUT_RD);
                } catch (RuntimeException e) {
                    // already at end-of-file: nothing to wake
                }
            }
            drain.join();
            Libc.close(readFd);
        }
    }

    /** Whether the reader thread has gone (after {@link #close()}). */
    boolean readerGone() {
        return drain == null || !drain.alive();
    }
}
