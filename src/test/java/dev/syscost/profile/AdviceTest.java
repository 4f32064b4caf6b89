package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule on synthetic profiles: just below its threshold it stays quiet, at it it fires. */
class AdviceTest {
    private static List<String> rules(Map<String, Long> counts, double wallSeconds) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return Advice.evaluate(new Advice.Facts(counts, total, wallSeconds, 0, 0, 0, 0)).stream()
                .map(Advice.Item::rule).toList();
    }

    private static List<String> io(long calls, long bytes) {
        return Advice.evaluate(new Advice.Facts(Map.of(), calls, 1, calls / 2, calls - calls / 2, bytes / 2, bytes - bytes / 2))
                .stream().map(Advice.Item::rule).toList();
    }

    @Test
    void shouldAdviseBufferingForTinyReadsAndWrites() {
        assertThat(io(1000, 1000 * 511)).containsExactly("tiny-io");
        assertThat(io(1000, 1000 * 512)).isEmpty();
        assertThat(io(999, 10)).isEmpty(); // too few calls to matter
    }

    @Test
    void shouldSayTheVdsoIsNotUsedWhenClockCallsReachTheKernel() {
        assertThat(rules(Map.of("clock_gettime", 1000L), 100)).containsExactly("clock-syscalls");
        assertThat(rules(Map.of("clock_gettime", 600L, "gettimeofday", 400L), 100)).containsExactly("clock-syscalls");
        assertThat(rules(Map.of("clock_gettime", 999L), 100)).isEmpty();
    }

    @Test
    void shouldCallAFutexStormLockContention() {
        assertThat(rules(Map.of("futex", 10_000L), 1.0)).containsExactly("futex-storm");
        assertThat(rules(Map.of("futex", 10_000L), 1.01)).isEmpty();
    }

    @Test
    void shouldSuggestMmsgForManySmallMessages() {
        assertThat(rules(Map.of("sendto", 6000L, "recvfrom", 4000L), 1.0)).containsExactly("small-messages");
        assertThat(rules(Map.of("sendto", 9999L), 1.0)).isEmpty();
    }

    @Test
    void shouldFlagBusyPolling() {
        assertThat(rules(Map.of("epoll_wait", 20_000L), 2.0)).containsExactly("busy-polling");
        assertThat(rules(Map.of("poll", 19_999L), 2.0)).isEmpty();
    }

    @Test
    void shouldFlagBusyPollingFromMeasuredZeroTimeouts() {
        Map<String, Long> counts = Map.of("epoll_wait", 5000L);
        assertThat(Advice.evaluate(new Advice.Facts(counts, 5000, 1.0, 0, 0, 0, 0, 1000)))
                .extracting(Advice.Item::rule).containsExactly("busy-polling");
        assertThat(Advice.evaluate(new Advice.Facts(counts, 5000, 1.0, 0, 0, 0, 0, 999))).isEmpty();
        // measured: a high rate of waits that do block is not busy polling
        assertThat(Advice.evaluate(new Advice.Facts(Map.of("epoll_wait", 50_000L), 50_000, 1.0, 0, 0, 0, 0, 0))).isEmpty();
    }

    @Test
    void shouldFlagStatAndLseekStorms() {
        assertThat(rules(Map.of("fstat", 1000L, "read", 4000L), 1000)).containsExactly("stat-storm");
        assertThat(rules(Map.of("lseek", 1000L, "read", 4001L), 1000)).isEmpty();
    }

    @Test
    void shouldFlagMmapChurn() {
        assertThat(rules(Map.of("mmap", 500L, "munmap", 500L), 1.0)).containsExactly("mmap-churn");
        assertThat(rules(Map.of("mmap", 500L, "munmap", 500L), 1.01)).isEmpty();
    }

    @Test
    void shouldStayQuietOnAnOrdinaryProfile() {
        assertThat(rules(Map.of("read", 50L, "write", 50L, "mmap", 20L, "futex", 3L), 0.5)).isEmpty();
    }
}
