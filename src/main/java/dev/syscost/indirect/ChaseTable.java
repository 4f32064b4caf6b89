package dev.syscost.indirect;

import java.util.SplittableRandom;

/**
 * A working set laid out for a pointer chase: one 64-byte line per element, linked in one random cycle
 * (Sattolo's algorithm), so every line is visited once per pass in an order no prefetcher can follow and
 * every page of the set is touched. Word 0 of a line holds the next line's array index; word 1 random
 * bits for the branchy workload; word 2 the next index again (the branchy workload's other path).
 */
final class ChaseTable {
    static final int LINE_BYTES = 64;
    static final int INTS_PER_LINE = LINE_BYTES / Integer.BYTES;

    final int[] words;
    final int lines;
    final long workingSetBytes;

    ChaseTable(long workingSetBytes, long seed) {
        if (workingSetBytes < LINE_BYTES * 2L || workingSetBytes % LINE_BYTES != 0) {
            throw new IllegalArgumentException("working set must be a multiple of 64 bytes, at least 128: " + workingSetBytes);
        }
        this.workingSetBytes = workingSetBytes;
        this.lines = Math.toIntExact(workingSetBytes / LINE_BYTES);
        this.words = new int[Math.multiplyExact(lines, INTS_PER_LINE)];
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[lines];
        for (int i = 0; i < lines; i++) {
            order[i] = i;
        }
        // Sattolo: a uniformly random permutation with a single cycle, so the chase covers all lines.
        for (int i = lines - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < lines; i++) {
            int from = order[i];
            int to = order[(i + 1) % lines];
            words[from * INTS_PER_LINE] = to * INTS_PER_LINE;
            words[from * INTS_PER_LINE + 1] = random.nextInt();
            words[from * INTS_PER_LINE + 2] = to * INTS_PER_LINE;
        }
    }

    /** The number of distinct lines one full pass visits (for the touched-set test). */
    int cycleLength() {
        int p = 0;
        int n = 0;
        do {
            p = words[p];
            n++;
        } while (p != 0 && n <= lines);
        return n;
    }
}
