package dev.syscost.indirect;

import java.util.Arrays;

/**
 * The typical interval of a run: the median of its interval lengths. Every interval of a run holds one
 * disturbance and its aftermath, so the indirect cost shifts every interval and the median carries it;
 * a preemption by a neighbour, a timer interrupt or a rare slow exit to the hypervisor lands in a few
 * intervals only and is left out — alike in every mode (syscall, spin, baseline, direct), so it cancels.
 * On this shared 2-core machine one preemption of a millisecond would otherwise swamp the nanoseconds
 * being measured.
 */
final class Intervals {
    private long[] scratch = new long[0];

    /** The median of the first {@code n} values. */
    double median(long[] values, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("no intervals measured");
        }
        if (scratch.length < n) {
            scratch = new long[n];
        }
        System.arraycopy(values, 0, scratch, 0, n);
        Arrays.sort(scratch, 0, n);
        return n % 2 == 1 ? scratch[n / 2] : (scratch[n / 2 - 1] + scratch[n / 2]) / 2.0;
    }
}
