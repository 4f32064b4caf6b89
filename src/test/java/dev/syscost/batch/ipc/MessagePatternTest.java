package dev.syscost.batch.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class MessagePatternTest {
    @Test
    void shouldAcceptExactMessageAndRejectAnyChangedByte() {
        try (Arena arena = Arena.ofConfined()) {
            MessagePattern p = new MessagePattern(arena, 4096);
            MemorySegment copy = arena.allocate(4096);
            for (long seq : new long[] {0, 1, 15, 16, 12345, MessagePattern.STOP}) {
                copy.copyFrom(p.message(seq));
                assertThat(p.matches(copy, seq)).isTrue();
                assertThat(p.matches(copy, seq + 1)).isFalse();
                for (long at : new long[] {0, 8, 100, 4095}) {
                    byte b = copy.get(ValueLayout.JAVA_BYTE, at);
                    copy.set(ValueLayout.JAVA_BYTE, at, (byte) (b ^ 0x10));
                    assertThat(p.matches(copy, seq)).as("seq %d byte %d", seq, at).isFalse();
                    copy.set(ValueLayout.JAVA_BYTE, at, b);
                }
            }
        }
    }

    @Test
    void shouldRejectAStaleMessageFromSixteenEarlier() {
        try (Arena arena = Arena.ofConfined()) {
            MessagePattern p = new MessagePattern(arena, 64);
            MemorySegment stale = arena.allocate(64);
            stale.copyFrom(p.message(3));
            assertThat(p.matches(stale, 19)).isFalse();
            assertThat(p.describeMismatch(stale, 19)).isEqualTo("expected message 19 but got sequence number 3");
        }
    }

    @Test
    void shouldNameTheFirstDifferingByte() {
        try (Arena arena = Arena.ofConfined()) {
            MessagePattern p = new MessagePattern(arena, 64);
            MemorySegment m = arena.allocate(64);
            m.copyFrom(p.message(7));
            m.set(ValueLayout.JAVA_BYTE, 63, (byte) ~m.get(ValueLayout.JAVA_BYTE, 63));
            assertThat(p.describeMismatch(m, 7)).isEqualTo("message 7 (64 B) differs at byte 63");
        }
    }
}
