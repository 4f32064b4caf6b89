package dev.syscost.batch.amortize;

import dev.syscost.sys.Libc;
import dev.syscost.sys.Sockets;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A UDP socket on 127.0.0.1 with a thread that receives and counts datagrams, so the sender's cost
 * includes real delivery. UDP may drop when the receive buffer is full: the count says how many arrived.
 */
final class UdpReceiver implements AutoCloseable {
    private static final int RCVBUF_BYTES = 8 << 20;

    private final int fd;
    private final int port;
    private final Thread thread;
    private volatile boolean stop;
    private volatile long datagrams;

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
                if (Libc.read(fd, buf, 65536) >= 0) {
                    datagrams++; // only this thread writes it
                }
            }
        }
    }

    int port() {
        return port;
    }

    long datagrams() {
        return datagrams;
    }

    /** Waits, untimed, until no datagram has arrived for 5 ms (or 1 s passed), and returns the count. */
    long settle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        long last = datagrams;
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000);
            long now = datagrams;
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
