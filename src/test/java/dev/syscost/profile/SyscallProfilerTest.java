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
    void shouldNotCountAnUntrackedThread() {
        try (SyscallProfiler p = SyscallProfiler.open()) {
            for (int i = 0; i < 1000; i++) {
                Libc.getppid();
            }
            assertThat(p.snapshot().count("getppid")).isZero();
        }
    }
}
