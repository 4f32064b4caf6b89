package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.syscost.sys.Libc;
import dev.syscost.sys.NativeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyscallProfilerTest {
    @BeforeAll
    static void needBpf() {
        try (SyscallProfiler p = SyscallProfiler.open()) {
            assertThat(p.snapshot().total()).isNotNegative();
        } catch (NativeException e) {
            System.out.println("SKIP SyscallProfilerTest: " + e.getMessage());
            assumeTrue(false, e.getMessage());
        }
    }

    @Test
    void shouldCountExactlyTheGetppidCallsOfATrackedThread() {
        int n = 100_000;
        try (SyscallProfiler p = SyscallProfiler.open()) {
            p.trackThread(Libc.gettid());
            long sink = 0;
            for (int i = 0; i < n; i++) {
                sink += Libc.getppid();
            }
            p.untrack(Libc.gettid());
            assertThat(sink).isPositive();
            assertThat(p.snapshot().count("getppid")).isEqualTo(n);
        }
    }

    @Test
    void shouldFollowANewThreadFromRawTracepoints() throws InterruptedException {
        try (SyscallProfiler p = SyscallProfiler.open(true)) {
            assumeTrue(p.followersOnRawTracepoints(), "no task_struct pid in this kernel's BTF: perf-event followers");
            assertThat(getppidCallsOfAThreadStartedWhileTracked(p, 10_000)).isEqualTo(10_000);
        }
    }

    @Test
    void shouldFollowANewThreadFromPerfEventTracepoints() throws InterruptedException {
        try (SyscallProfiler p = SyscallProfiler.open(false)) {
            assertThat(p.followersOnRawTracepoints()).isFalse();
            assertThat(getppidCallsOfAThreadStartedWhileTracked(p, 10_000)).isEqualTo(10_000);
        }
    }

    /** The getppid calls counted when this thread, tracked, starts a thread that makes {@code n} of them. */
    private static long getppidCallsOfAThreadStartedWhileTracked(SyscallProfiler p, int n) throws InterruptedException {
        p.trackThread(Libc.gettid());
        Thread t = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                Libc.getppid();
            }
        });
        t.start();
        t.join();
        p.untrack(Libc.gettid());
        return p.snapshot().count("getppid");
    }

    @Test
    void shouldReadTheSameCountsInOneBatchAsKeyByKey() {
        try (SyscallProfiler p = SyscallProfiler.open()) {
            p.trackThread(Libc.gettid());
            for (int i = 0; i < 1000; i++) {
                Libc.getppid();
            }
            p.untrack(Libc.gettid());
            SyscallCounts batch = p.snapshot();
            assertThat(batch.count("getppid")).isEqualTo(1000);
            SyscallCounts each = p.snapshotKeyByKey();
            assertThat(batch.byNumber()).containsExactly(each.byNumber());
            assertThat(batch.zeroTimeoutWaits()).isEqualTo(each.zeroTimeoutWaits());
        }
    }

    @Test
    void shouldNotCountAnUntrackedThread() {
        try (SyscallProfiler p = SyscallProfiler.open()) {
            for (int i = 0; i < 1000; i++) {
                Libc.getppid();
            }
            assertThat(p.snapshot().count("getppid")).isZero();
        }
    }
}
