package dev.syscost.batch.ipc;

import dev.syscost.sys.Futex;
import dev.syscost.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * How a shared-memory reader waits for a word in the ring to change, and how the writer wakes it.
 * {@link #await} may return early (spuriously, on a timeout); the ring re-checks the word each time.
 */
interface Doorbell extends AutoCloseable {
    /** Whether a waiter sleeps in the kernel (and so must be rung), rather than spinning. */
    boolean sleeps();

    /** Waits, at most briefly, while the word still holds {@code seen}. */
    void await(int seen);

    /** Wakes the waiter. */
    void ring();

    /** From another thread: wakes any waiter for good. */
    void abort();

    @Override
    default void close() {}

    /** Spinning: never sleeps, never rung; a reader burns its CPU with {@link Thread#onSpinWait()}. */
    final class Spin implements Doorbell {
        @Override
        public boolean sleeps() {
            return false;
        }

        @Override
        public void await(int seen) {
            Thread.onSpinWait();
        }

        @Override
        public void ring() {}

        @Override
        public void abort() {}
    }

    /** FUTEX_WAIT/FUTEX_WAKE on the ring word itself: the kernel re-checks the word, so no wake-up is lost. */
    final class OnFutex implements Doorbell {
        private static final long TIMEOUT_NS = 200_000_000L;
        private final long wordAddress;
        private final Arena arena = Arena.ofShared();
        private final MemorySegment timeout = arena.allocate(16, 8);

        OnFutex(long wordAddress) {
            this.wordAddress = wordAddress;
            timeout.set(ValueLayout.JAVA_LONG, 0, 0);
            timeout.set(ValueLayout.JAVA_LONG, 8, TIMEOUT_NS);
        }

        @Override
        public boolean sleeps() {
            return true;
        }

        @Override
        public void await(int seen) {
            Futex.await(wordAddress, seen, timeout);
        }

        @Override
        public void ring() {
            Futex.wake(wordAddress, 1);
        }

        @Override
        public void abort() {
            Futex.wake(wordAddress, Integer.MAX_VALUE);
        }

        @Override
        public void close() {
            arena.close();
        }
    }

    /** An eventfd: the writer adds 1, the reader's read(2) blocks until the count is non-zero. */
    final class OnEventFd implements Doorbell {
        private final int fd;
        private final Arena arena = Arena.ofShared();
        private final MemorySegment readBuf = arena.allocate(8, 8);
        private final MemorySegment one = arena.allocate(8, 8);
        private final MemorySegment many = arena.allocate(8, 8);

        OnEventFd(int fd) {
            this.fd = fd;
            one.set(ValueLayout.JAVA_LONG, 0, 1);
            many.set(ValueLayout.JAVA_LONG, 0, 1L << 40);
        }

        @Override
        public boolean sleeps() {
            return true;
        }

        @Override
        public void await(int seen) {
            Libc.read(fd, readBuf, 8);
        }

        @Override
        public void ring() {
            Libc.write(fd, one, 8);
        }

        @Override
        public void abort() {
            Libc.write(fd, many, 8);
        }

        @Override
        public void close() {
            Libc.close(fd);
            arena.close();
        }
    }
}
