package dev.syscost.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** io_uring write batches on /dev/null, for real where the kernel allows it. */
class IoUringTest {
    private static IoUring openOrSkip(int entries, boolean sqpoll) {
        try {
            return IoUring.open(entries, sqpoll);
        } catch (NativeException e) {
            assumeTrue(false, "io_uring unavailable here: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void shouldTakeAtMostCeilNOverDepthEntersForABatchOfN() {
        int fd = Libc.openChecked("/dev/null", Libc.O_WRONLY | Libc.O_CLOEXEC, 0);
        try (IoUring ring = openOrSkip(8, false); Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(64);
            int n = 20;
            long bytes = 0;
            for (int done = 0; done < n; ) {
                int k = Math.min(ring.entries(), n - done);
                for (int i = 0; i < k; i++) {
                    ring.prepareWrite(fd, buf, 64, 0, done + i);
                }
                bytes += ring.submitAndWait(k);
                done += k;
            }
            assertThat(bytes).isEqualTo(20 * 64);
            assertThat(ring.enters()).isLessThanOrEqualTo((n + ring.entries() - 1) / ring.entries());
        } finally {
            Libc.close(fd);
        }
    }

    @Test
    void shouldEnterTheKernelAtMostCeilNOverDepthTimesCountedByPerf() {
        SyscallCounter counter;
        try {
            counter = SyscallCounter.forCurrentThread();
        } catch (NativeException e) {
            assumeTrue(false, "kernel entries not countable here: " + e.getMessage());
            return;
        }
        int fd = Libc.openChecked("/dev/null", Libc.O_WRONLY | Libc.O_CLOEXEC, 0);
        try (counter; IoUring ring = openOrSkip(16, false); Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(64);
            long readCost = counter.read() - counter.read(); // negative: reads that see each other
            for (int n : new int[] {1, 16, 40}) {
                // the least of a few runs: the first resolves handles and may let the JVM enter the kernel too
                long least = Long.MAX_VALUE;
                for (int run = 0; run < 5; run++) {
                    long before = counter.read();
                    batch(ring, fd, buf, n);
                    least = Math.min(least, counter.read() - before + readCost);
                }
                assertThat(least).as("kernel entries for a batch of %d at depth %d", n, ring.entries())
                        .isBetween(1L, (long) (n + ring.entries() - 1) / ring.entries());
            }
        } finally {
            Libc.close(fd);
        }
    }

    private static void batch(IoUring ring, int fd, MemorySegment buf, int n) {
        for (int done = 0; done < n; ) {
            int k = Math.min(ring.entries(), n - done);
            for (int i = 0; i < k; i++) {
                ring.prepareWrite(fd, buf, 64, 0, i);
            }
            assertThat(ring.submitAndWait(k)).isEqualTo(64L * k);
            done += k;
        }
    }

    @Test
    void shouldReportForcedRefusalWithReason() {
        System.setProperty(IoUring.DISABLE_PROPERTY, "true");
        try {
            assertThatThrownBy(() -> IoUring.open(8, false)).isInstanceOf(NativeException.class)
                    .hasMessageContaining("io_uring");
        } finally {
            System.clearProperty(IoUring.DISABLE_PROPERTY);
        }
    }
}
