package dev.syscost.batch.amortize;

import dev.syscost.SyscostException;
import dev.syscost.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The reader thread that keeps a pipe or socket drained while the writer is timed: it counts every
 * byte and, while {@link #checking} is on, compares each against {@link StreamPattern}. It stops at
 * end-of-file, which the writer causes by closing its end.
 */
final class Drain implements Runnable {
    static final String THREAD_PREFIX = "syscost-amortize-";
    private static final long BUFFER_BYTES = 1 << 20;
    private static final long DRAIN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(20);

    private final int fd;
    private final Thread thread;
    private volatile long receivedBytes;
    private volatile boolean checking = true;
    private volatile long mismatchAt = -1;
    private volatile String failure;

    Drain(int fd, String name) {
        this.fd = fd;
        this.thread = Thread.ofPlatform().daemon().name(THREAD_PREFIX + "drain-" + name).unstarted(this);
        thread.start();
    }

    @Override
    public void run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(BUFFER_BYTES, 4096);
            while (true) {
                long n = Libc.read(fd, buf, BUFFER_BYTES);
                if (n <= 0) {
                    if (n < 0) {
                        failure = "read from the drained descriptor failed";
                    }
                    return;
                }
                long received = receivedBytes;
                if (checking && mismatchAt < 0) {
                    mismatchAt = StreamPattern.firstMismatch(buf, n, received);
                }
                receivedBytes = received + n;
            }
        }
    }

    long receivedBytes() {
        return receivedBytes;
    }

    /** Waits (untimed) until the reader has received {@code sentBytes}; throws if it died or lags far. */
    void awaitReceived(long sentBytes, String target) {
        long start = System.nanoTime();
        int spins = 0;
        while (receivedBytes < sentBytes) {
            if (!thread.isAlive() && receivedBytes < sentBytes) {
                throw new SyscostException(target + ": the reader stopped after " + receivedBytes + " of "
                        + sentBytes + " bytes" + (failure == null ? "" : " (" + failure + ")"));
            }
            if (System.nanoTime() - start > DRAIN_TIMEOUT_NS) {
                throw new SyscostException(target + ": the reader received only " + receivedBytes + " of "
                        + sentBytes + " bytes in 20 s; the machine is overloaded");
            }
            if (++spins < 1000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
        if (receivedBytes > sentBytes) {
            throw new SyscostException(target + ": the reader received " + receivedBytes + " bytes, but only "
                    + sentBytes + " were written");
        }
        if (mismatchAt >= 0) {
            throw new SyscostException(target + ": byte " + mismatchAt + " arrived corrupted or out of order");
        }
    }

    /** Ends content checking; call only when everything sent has been received. */
    void stopChecking() {
        checking = false;
    }

    /** Waits for the reader to see end-of-file and exit, even when the caller was interrupted. */
    void join() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean interrupted = false;
        while (thread.isAlive() && System.nanoTime() < deadline) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return thread.isAlive();
    }
}
