package dev.syscost.batch.amortize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The large-chunk fit and the break-even read off it, on seeded data. */
class SlopeFitTest {
    /** Points on t = overheadNs + nsPerByte × size, 1 B to 1 MiB in powers of two. */
    private static List<ChunkPoint> line(double overheadNs, double nsPerByte) {
        List<ChunkPoint> points = new ArrayList<>();
        for (long s = 1; s <= 1 << 20; s *= 2) {
            double t = overheadNs + nsPerByte * s;
            points.add(new ChunkPoint(s, 100, 5, t, t, t, t / s, s / t, (1 << 20) / (double) s, 1.0,
                    (1 << 20) / (double) s, null));
        }
        return points;
    }

    @Test
    void shouldRecoverSlopeAndInterceptFromLargeChunks() {
        SlopeFit fit = SlopeFit.of(line(1000, 0.1));
        assertThat(fit.slopeNsPerByte()).isCloseTo(0.1, within(1e-9));
        assertThat(fit.interceptNs()).isCloseTo(1000, within(1e-6));
        assertThat(fit.fitChunkBytes()).containsExactly(65536L, 131072L, 262144L, 524288L, 1048576L);
        assertThat(fit.r2()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldPlaceBreakEvenWhereOverheadFallsToHalfAndToOneTwentieth() {
        List<ChunkPoint> raw = line(1000, 0.1);
        SlopeFit fit = SlopeFit.of(raw);
        List<ChunkPoint> points = raw.stream().map(p -> p.withOverhead(fit)).toList();
        BreakEven be = BreakEven.of(points, fit);
        // overhead share = 1000 / (1000 + 0.1 s): ≤ 50% from s = 10 000 B, ≤ 5% from s = 190 000 B
        assertThat(be.overheadLe50Bytes()).isEqualTo(16384L);
        assertThat(be.overheadLe5Bytes()).isEqualTo(262144L);
        assertThat(be.fitLe50Bytes()).isCloseTo(10_000, within(1e-3));
        assertThat(be.fitLe5Bytes()).isCloseTo(190_000, within(1e-2));
    }

    @Test
    void shouldNotLetOneNoisyPointDecideTheBreakEven() {
        List<ChunkPoint> raw = new ArrayList<>(line(1000, 0.1));
        ChunkPoint last = raw.getLast(); // a 1 MiB point slowed fivefold by a neighbour
        double t = 5 * last.nsPerCall();
        raw.set(raw.size() - 1, new ChunkPoint(last.chunkBytes(), 1, 5, t, t, t, t / last.chunkBytes(),
                last.chunkBytes() / t, 1, 1.0, 1.0, null));
        SlopeFit fit = SlopeFit.of(raw.subList(0, raw.size() - 1));
        BreakEven be = BreakEven.of(raw.stream().map(p -> p.withOverhead(fit)).toList(), fit);
        assertThat(be.overheadLe50Bytes()).isEqualTo(16384L);
        assertThat(be.overheadLe5Bytes()).isEqualTo(262144L);
    }

    @Test
    void shouldFindNoBreakEvenWithoutPerByteCost() {
        List<ChunkPoint> raw = line(400, 0);
        SlopeFit fit = SlopeFit.of(raw);
        BreakEven be = BreakEven.of(raw.stream().map(p -> p.withOverhead(fit)).toList(), fit);
        assertThat(be.overheadLe50Bytes()).isNull();
        assertThat(be.note()).contains("no per-byte cost");
    }

    @Test
    void shouldNeedTwoSizesToFit() {
        assertThat(SlopeFit.of(line(1000, 0.1).subList(0, 1))).isNull();
        assertThat(SlopeFit.of(line(1000, 0.1).subList(0, 2))).isNotNull();
    }
}
