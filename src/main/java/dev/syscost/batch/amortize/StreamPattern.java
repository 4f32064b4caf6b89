package dev.syscost.batch.amortize;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;

/**
 * The byte at each offset of a verification stream: a hash of the offset, so a lost, repeated or
 * reordered chunk shows up as a mismatch wherever the chunk boundaries fall.
 */
final class StreamPattern {
    private StreamPattern() {}

    static byte at(long offset) {
        return (byte) ((offset * 0x9E3779B97F4A7C15L) >>> 56);
    }

    /** Fills {@code seg[0, n)} with the stream's bytes from {@code offset}. */
    static void fill(MemorySegment seg, long n, long offset) {
        for (long i = 0; i < n; i++) {
            seg.set(JAVA_BYTE, i, at(offset + i));
        }
    }

    /** The stream offset of the first byte in {@code seg[0, n)} that differs from the pattern, or -1. */
    static long firstMismatch(MemorySegment seg, long n, long offset) {
        for (long i = 0; i < n; i++) {
            if (seg.get(JAVA_BYTE, i) != at(offset + i)) {
                return offset + i;
            }
        }
        return -1;
    }
}
