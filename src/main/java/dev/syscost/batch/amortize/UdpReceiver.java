package dev.syscost.batch.amortize;

import dev.syscost.sys.Libc;
import dev.syscost.sys.Sockets;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A UDP socket on 127.0.0.1 with a thread that keeps receiving, so the sender's cost includes real
 * delivery. UDP drops when the receive buffer is full; the kernel's per-socket drop count says how many.
 */
final class UdpReceiver implements AutoCloseable {
    private static final int RCVBUF_BYTES = 8 << 20;

    private final int fd;
    private final int port;
    private final Thread thread;
    private volatile boolean stop;

    UdpReceiver() {
        fd = Sockets.socketInet(Sockets.SOCK_DGRAM);
        try {
            port = Sockets.bindLoopback(fd);
            try {
                Sockets.setsockoptInt(fd, Sockets.SOL_SOCKET, Sockets.SO_RCVBUFFORCE, RCVBUF_BYTES);
            } catch (RuntimeException e) {
                Sockets.setsockoptInt(fd, Sockets.SOL_SOCKET, Sockets.SO_RCVBUF, RCVBUF_BYTES); // capped by rmem_max
            }
            Sockets.setReceiveTimeout(fd, 50); // wakes the thread to see the stop flag
        } catch (RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
        thread = Thread.ofPlatform().daemon().name(Drain.THREAD_PREFIX + "udp-receiver").unstarted(this::receive);
        thread.start();
    }

    private void receive() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(65536);
            while (!stop) {
                Libc.read(fd, buf, 65536); // -1 with EAGAIN every 50 ms: time to look at the stop flag
            }
        }
    }

    int port() {
        return port;
    }

    /**
     * Datagrams the kernel dropped at this socket (the {@code drops} column of /proc/net/udp: the
     * receive buffer was full), or -1 where that file cannot be read. A datagram still queued is not
     * dropped, so this needs no waiting for the receiver to catch up.
     */
    long drops() {
        String local = String.format(Locale.ROOT, "0100007F:%04X", port);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/udp"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 12 && f[1].equals(local)) {
                    return Long.parseLong(f[f.length - 1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc/net/udp (a sandbox): drops unknown
        }
        return -1;
    }

    /** Waits, untimed, until the drop count has been still for 3 ms (at most 100 ms), and returns it. */
    long settledDrops() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long last = drops();
        while (last >= 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(3_000_000);
            long now = drops();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    boolean alive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        stop = true;
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.isAlive() && System.nanoTime() < deadline) {
            try {
                thread.join(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        Libc.close(fd);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
