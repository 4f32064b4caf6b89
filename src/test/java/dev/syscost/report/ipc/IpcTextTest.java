package dev.syscost.report.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.batch.ipc.IpcResult;
import dev.syscost.batch.ipc.TransportResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpcTextTest {
    private static TransportResult row(String name, int bytes, long p50, Double entries) {
        return new TransportResult(name, bytes, true, null, "m", "different-cores", 0, 1, 1000, p50, p50 * 3,
                p50 * 10, p50 / 2, p50 * 20, 0.05, 5000, 123456.0, 123456.0 * bytes / 1e6, 0.1, entries,
                entries == null ? null : 2 * entries, entries == null ? "perf disabled" : null);
    }

    @Test
    void shouldRenderTheTableWithUnitsAndUnavailableRows() {
        TransportResult off = new TransportResult("shm_spin", 64, false, "spinning needs two CPUs", "m", "same-core",
                0, 0, 0, null, null, null, null, null, null, 0, null, null, null, null, null, null);
        IpcResult r = new IpcResult(IpcResult.SCHEMA, null, false, "different-cores", 0, 1, 5, 20000, 250, "L", "T", "K",
                List.of(row("pipe", 64, 14_230, 2.0), row("tcp_loopback", 4096, 812, null), off), List.of("noisy"));
        String text = IpcText.render(r, List.of("kernel 6.1"));
        assertThat(text).isEqualTo("""
                syscost ipc: messages between two processes
                  kernel 6.1
                  placement: different cores (parent pinned to CPU 0, peer to CPU 1)
                  5 trials of up to 20000 messages or 250 ms each, after a warm-up

                                      round trip                          one-way            kernel entries
                transport        size       p50       p99     p99.9       msgs/s      MB/s     /message /round trip
                pipe             64 B   14.2 µs   42.7 µs    142 µs        123 k       7.9         2.00        4.00
                tcp_loopback    4 KiB    812 ns   2.44 µs   8.12 µs        123 k       506  not counted not counted
                shm_spin         64 B unavailable

                unavailable: shm_spin 64 B: spinning needs two CPUs
                Latency: L
                Throughput: T
                Kernel entries: K
                WARNING: noisy
                """);
    }
}
