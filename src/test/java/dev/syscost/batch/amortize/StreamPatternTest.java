package dev.syscost.batch.amortize;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** The verification stream catches corrupted, lost and repeated bytes. */
class StreamPatternTest {
    @Test
    void shouldAcceptTheStreamAndFindTheFirstBadByte() {
        try (Arena arena = Arena.ofConfined()) {
            long n = 3L * StreamPattern.PERIOD + 17;
            MemorySegment seg = arena.allocate(n);
            StreamPattern.fill(seg, n, 12345);
            assertThat(StreamPattern.firstMismatch(seg, n, 12345)).isEqualTo(-1);
            assertThat(StreamPattern.at(12345 + 70000)).isEqualTo(seg.get(JAVA_BYTE, 70000));
            seg.set(JAVA_BYTE, 100_000, (byte) (seg.get(JAVA_BYTE, 100_000) + 1));
            assertThat(StreamPattern.firstMismatch(seg, n, 12345)).isEqualTo(12345 + 100_000);
        }
    }

    @Test
    void shouldDetectALostOrRepeatedChunk() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(8192);
            StreamPattern.fill(seg, 8192, 4096); // as if the chunk at 0..4095 was lost
            assertThat(StreamPattern.firstMismatch(seg, 8192, 0)).isBetween(0L, 64L);
            StreamPattern.fill(seg, 8192, 0); // as if it arrived twice: bytes 4096.. repeat 0..
            MemorySegment.copy(seg, 0, seg, 4096, 4096);
            assertThat(StreamPattern.firstMismatch(seg, 8192, 0)).isBetween(4096L, 4096L + 64);
        }
    }
}
