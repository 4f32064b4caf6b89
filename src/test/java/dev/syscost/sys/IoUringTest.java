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
            System.out.println("skipped: io_uring unavailable here: " + e.getMessage());
            assumeTrue(false, e.getMessage());
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
