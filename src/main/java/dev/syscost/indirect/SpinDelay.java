package dev.syscost.indirect;

/**
 * The spin control's delay: a pure user-mode dependent multiply-add chain that touches no memory, so it
 * costs time but disturbs no cache, TLB or predictor state beyond its own few instructions.
 */
final class SpinDelay {
    private SpinDelay() {}

    /**
     * {@code iterations} steps of an xor-shift-multiply mix from {@code seed}. Each step depends on the
     * last, and the xor of a shift keeps C2 from folding unrolled steps together (a plain multiply-add
     * chain it collapses algebraically, which made an earlier version ten times too short per step).
     */
    static long spin(int iterations, long seed) {
        long x = seed;
        for (int i = 0; i < iterations; i++) {
            x = (x ^ (x >>> 29)) * 0xBF58476D1CE4E5B9L;
        }
        return x;
    }
}
