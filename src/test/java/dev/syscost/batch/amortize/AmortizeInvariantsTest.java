package dev.syscost.batch.amortize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.syscost.sys.Uio;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Physical invariants of the amortisation benchmarks, run for real on this machine. */
class AmortizeInvariantsTest {
    @TempDir
    Path tmp;

    private static final Budget SHORT = new Budget(9, 1_000_000L);

    @Test
    void shouldEnterTheKernelOncePerWritevWhateverTheIovecCount() {
        try (EntryCount entries = EntryCount.open(); Target devnull = Target.open(TargetKind.DEVNULL, tmp);
                Arena arena = Arena.ofConfined()) {
            assumeTrue(entries.available(), entries.note());
            MemorySegment data = arena.allocate(64 * 1024);
            MemorySegment iov = arena.allocate(Uio.IOVEC, 1024);
            for (int i = 0; i < 1024; i++) {
                Uio.setIovec(iov, i, data.asSlice(i * 64L, 64), 64);
            }
            for (int k : List.of(1, 2, 16, 1024)) {
                Workload w = reps -> {
                    long total = 0;
                    for (long r = 0; r < reps; r++) {
                        total += Uio.writev(devnull.fd(), iov, k);
                    }
                    return total;
                };
                // the least of a few runs: a JVM safepoint or GC may make this thread enter the kernel too
                double least = Double.MAX_VALUE;
                for (int run = 0; run < 5; run++) {
                    least = Math.min(least, entries.perRep(w, 200));
                }
                assertThat(least).as("kernel entries per writev of %d iovecs", k).isEqualTo(1.0);
            }
        }
    }

    @Test
    void shouldNotRaiseCostPerByteWithChunkSizeBeyondNoise() {
        List<Long> sizes = List.of(1L, 256L, 16384L, 65536L);
        try (EntryCount entries = EntryCount.open()) {
            for (TargetKind kind : List.of(TargetKind.PIPE, TargetKind.FILE, TargetKind.SOCKETPAIR, TargetKind.TCP)) {
                // the least of up to three sweeps per chunk size: a reader thread descheduled for a millisecond
                // on a shared 2-CPU VM stalls one short trial's writes, which no real per-byte cost does
                double[] least = sweep(kind, sizes, entries);
                for (int again = 0; again < 2 && !withinNoise(least); again++) {
                    double[] next = sweep(kind, sizes, entries);
                    for (int i = 0; i < least.length; i++) {
                        least[i] = Math.min(least[i], next[i]);
                    }
                }
                double best = Double.MAX_VALUE;
                for (int i = 0; i < least.length; i++) {
                    // generous: this VM is shared and noisy; a real rise would be many-fold
                    assertThat(least[i]).as("%s ns/byte at %d B", kind.id(), sizes.get(i))
                            .isLessThanOrEqualTo(3 * best + 0.05);
                    best = Math.min(best, least[i]);
                }
                // a 1 B write costs far more per byte than a 64 KiB one: the whole point of chunking
                assertThat(least[0]).isGreaterThan(10 * least[least.length - 1]);
            }
        }
    }

    /** One sweep of {@code kind}: ns per byte at each size, its bytes checked end to end. */
    private double[] sweep(TargetKind kind, List<Long> sizes, EntryCount entries) {
        TargetSweep sweep;
        try (Target target = Target.open(kind, tmp)) {
            sweep = ChunkSweep.run(target, sizes, SHORT, entries, () -> {});
        }
        assertThat(sweep.verifiedBytes()).as(kind.id()).isGreaterThan(1 << 20);
        return sweep.points().stream().mapToDouble(ChunkPoint::nsPerByte).toArray();
    }

    /** Whether no size costs more per byte than three times the best smaller one (plus 0.05 ns). */
    private static boolean withinNoise(double[] nsPerByte) {
        double best = Double.MAX_VALUE;
        for (double v : nsPerByte) {
            if (v > 3 * best + 0.05) {
                return false;
            }
            best = Math.min(best, v);
        }
        return true;
    }

    @Test
    void shouldReadTheKernelsDropCountForTheUdpReceiver() {
        assumeTrue(java.nio.file.Files.isReadable(Path.of("/proc/net/udp")), "no /proc/net/udp here");
        try (UdpReceiver r = new UdpReceiver()) {
            assertThat(r.drops()).isGreaterThanOrEqualTo(0);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().endsWith("udp-receiver"));
    }

    @Test
    void shouldReceiveEveryByteWrittenAndStopTheReader() {
        for (TargetKind kind : List.of(TargetKind.PIPE, TargetKind.SOCKETPAIR, TargetKind.TCP, TargetKind.FILE)) {
            Target target = Target.open(kind, tmp);
            try {
                assertThat(target.verify()).as(kind.id()).isEqualTo((1L << 20) + 4099);
                target.beforeTrial(); // throws unless the reader got every byte intact
            } finally {
                target.close();
            }
            assertThat(target.readerGone()).as(kind.id() + " reader thread gone").isTrue();
        }
    }
}
