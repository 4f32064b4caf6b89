package dev.syscost.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.syscost.sys.PerfEvents;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProfilerWatchTest {
    /** A child that makes a steady stream of read/write syscalls until killed. */
    private static Process busyChild() throws Exception {
        return new ProcessBuilder("sh", "-c", "while :; do cat /dev/null; done").start();
    }

    @Test
    void shouldCountAWatchedProcessExactlyPerSyscallWherePermitted() throws Exception {
        Process child = busyChild();
        try (ProcessWatch w = ProfilerWatch.openBest((int) child.pid())) {
            assumeTrue(w instanceof ProfilerWatch, "bpf not permitted here; serve falls back to /proc/PID/io");
            Thread.sleep(300);
            assertThat(w.alive()).isTrue();
            assertThat(w.counts()).containsKeys("execve", "openat").allSatisfy((k, v) -> assertThat(v).isPositive());
            assertThat(w.source()).contains("per-syscall");
        } finally {
            child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldFallBackToProcIoWhenPerfEventsAreRefused() throws Exception {
        System.setProperty(PerfEvents.DISABLE_PROPERTY, "true");
        Process child = busyChild();
        try (ProcessWatch w = ProfilerWatch.openBest((int) child.pid())) {
            assertThat(w).isInstanceOf(ProcIoWatch.class);
            assertThat(w.counts()).containsKey("read_family");
        } finally {
            System.clearProperty(PerfEvents.DISABLE_PROPERTY);
            child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
