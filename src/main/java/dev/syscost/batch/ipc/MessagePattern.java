package dev.syscost.batch.ipc;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The content of every message: an 8-byte sequence number, then a byte pattern that depends on
 * {@code seq % 16}, so a lost, repeated, stale or torn message fails the check. Sixteen ready-made
 * messages mean sending costs no pattern fill, only the 8-byte header store.
 */
final class MessagePattern {
    /** Sequence number of the message that ends a phase. */
    static final long STOP = -1;
    /** Sequence number of the round trip that opens a phase, once both sides are ready. */
    static final long SYNC = -2;
    static final int HEADER_BYTES = 8;
    private static final int VARIANTS = 16;

    private final int sizeBytes;
    private final MemorySegment base;
    private final MemorySegment[] ready = new MemorySegment[VARIANTS];

    MessagePattern(Arena arena, int sizeBytes) {
        this.sizeBytes = sizeBytes;
        this.base = arena.allocate(sizeBytes + VARIANTS, 64);
        for (int k = 0; k < sizeBytes + VARIANTS; k++) {
            base.set(JAVA_BYTE, k, (byte) (k * 31 + 7));
        }
        for (int v = 0; v < VARIANTS; v++) {
            ready[v] = arena.allocate(sizeBytes, 64);
            MemorySegment.copy(base, v, ready[v], 0, sizeBytes);
        }
    }

    int sizeBytes() {
        return sizeBytes;
    }

    /** A message carrying {@code seq}; valid until the next call with the same {@code seq % 16}. */
    MemorySegment message(long seq) {
        MemorySegment m = ready[(int) (seq & (VARIANTS - 1))];
        m.set(JAVA_LONG_UNALIGNED, 0, seq);
        return m;
    }

    /** The sequence number in a received message. */
    static long seqOf(MemorySegment m) {
        return m.get(JAVA_LONG_UNALIGNED, 0);
    }

    /** Whether {@code m} is exactly the message {@code seq}: header and every payload byte. */
    boolean matches(MemorySegment m, long seq) {
        if (seqOf(m) != seq) {
            return false;
        }
        long v = seq & (VARIANTS - 1);
        return MemorySegment.mismatch(m, HEADER_BYTES, sizeBytes, base, v + HEADER_BYTES, v + sizeBytes) == -1;
    }

    /** A one-line description of how {@code m} differs from message {@code seq}. */
    String describeMismatch(MemorySegment m, long seq) {
        if (seqOf(m) != seq) {
            return "expected message " + seq + " but got sequence number " + seqOf(m);
        }
        long v = seq & (VARIANTS - 1);
        long at = MemorySegment.mismatch(m, HEADER_BYTES, sizeBytes, base, v + HEADER_BYTES, v + sizeBytes);
        return "message " + seq + " (" + sizeBytes + " B) differs at byte " + (HEADER_BYTES + at);
    }
}
