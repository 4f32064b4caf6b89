package dev.syscost.batch.amortize;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The bytes of a verification stream: pseudo-random bytes repeating with a prime period, so a lost,
 * repeated or reordered chunk shows up as a mismatch wherever the chunk boundaries fall (no chunk the
 * verifier writes is a multiple of the period). Filled and compared with bulk segment copies and
 * mismatches, so checking a megabyte takes a millisecond rather than a JIT warm-up.
 */
final class StreamPattern {
    static final int PERIOD = 65521;
    /** Two periods back to back: any run of up to one period starting in the first is contiguous. */
    private static final MemorySegment TABLE = Arena.global().allocate(2L * PERIOD);

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < PERIOD; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            TABLE.set(JAVA_BYTE, i, (byte) x);
            TABLE.set(JAVA_BYTE, i + PERIOD, (byte) x);
        }
    }

    private StreamPattern() {}

    static byte at(long offset) {
        return TABLE.get(JAVA_BYTE, offset % PERIOD);
    }

    /** Fills {@code seg[0, n)} with the stream's bytes from {@code offset}. */
    static void fill(MemorySegment seg, long n, long offset) {
        for (long pos = 0; pos < n; ) {
            long start = (offset + pos) % PERIOD;
            long len = Math.min(n - pos, PERIOD);
            MemorySegment.copy(TABLE, start, seg, pos, len);
            pos += len;
        }
    }

    /** The stream offset of the first byte in {@code seg[0, n)} that differs from the pattern, or -1. */
    static long firstMismatch(MemorySegment seg, long n, long offset) {
        for (long pos = 0; pos < n; ) {
            long start = (offset + pos) % PERIOD;
            long len = Math.min(n - pos, PERIOD);
            long m = MemorySegment.mismatch(seg, pos, pos + len, TABLE, start, start + len);
            if (m >= 0) {
                return offset + pos + m;
            }
            pos += len;
        }
        return -1;
    }
}
