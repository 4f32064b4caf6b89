package dev.syscost.indirect;

import dev.syscost.sys.Libc;
import dev.syscost.sys.PagedFile;
import dev.syscost.sys.SyscallTable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * The timed loops: units of chase work with one disturbance after every k-th unit, and the disturbance
 * alone in a tight loop (its direct cost). One loop body serves every mode, so the baseline, the syscall
 * runs and the spin control run the same compiled code; the mode switch sits on the rare path.
 *
 * <p>Every disturbance takes the chase pointer as input and feeds its result back into it (masked with a
 * zero the JIT cannot see through), so neither a syscall nor the spin can overlap the outstanding chase
 * load out of order, and neither can be dropped as dead code.
 */
final class Schedule implements AutoCloseable {
    static final int MODE_NONE = 0;
    static final int MODE_GETPPID = 1;
    static final int MODE_PREAD = 2;
    static final int MODE_YIELD = 3;
    static final int MODE_SPIN = 4;
    /** Chase steps in one unit of work. */
    static final int STEPS_PER_UNIT = 64;
    static final int PREAD_BYTES = 4096;

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment preadBuf = arena.allocate(PREAD_BYTES, 4096);
    private final PagedFile file;
    private final long yieldNr = SyscallTable.x86_64().number("sched_yield");
    private final int[] tally = new int[16];
    /** Always zero; a field, so the JIT cannot fold the masks that chain disturbances into the chase. */
    private long zero;
    private final long[] passScratch = new long[1];
    private long[] callScratch = new long[1];
    /** Consumes every result, so no loop is dead code. */
    long sink;

    Schedule(boolean needsFile) {
        this.file = needsFile ? PagedFile.createTemp(Path.of(System.getProperty("java.io.tmpdir")), 16 * 4096) : null;
    }

    static int modeOf(Disturber d) {
        return switch (d) {
            case GETPPID -> MODE_GETPPID;
            case PREAD_4K -> MODE_PREAD;
            case SCHED_YIELD -> MODE_YIELD;
        };
    }

    /** One disturbance; {@code seed} is the chase pointer so the call waits for it. */
    private long disturb(int mode, int seed, int spinIterations) {
        return switch (mode) {
            case MODE_GETPPID -> Libc.getppid() + seed;
            case MODE_PREAD -> file.pread(preadBuf, PREAD_BYTES, 0) + seed;
            case MODE_YIELD -> Libc.syscall(yieldNr) + seed;
            case MODE_SPIN -> SpinDelay.spin(spinIterations, seed);
            default -> seed;
        };
    }

    /**
     * Runs {@code units} chase units with a disturbance after every {@code k}-th, writing each interval's
     * length (k units plus the disturbance, in ns) to {@code intervalsNs} and the disturbance's own length
     * to {@code callsNs}; returns the number of intervals.
     * The clock is read at the same points in every mode, so its cost cancels between modes; it is a vDSO
     * read, so the baseline makes no syscall (checked by {@link Calibration#kernelEntries}).
     */
    int chase(ChaseTable table, int units, int k, int mode, int spinIterations, long[] intervalsNs, long[] callsNs) {
        final int[] t = table.words;
        final long z = zero;
        int p = 0;
        int c = 0;
        int n = 0;
        long last = System.nanoTime();
        for (int u = 0; u < units; u++) {
            for (int s = 0; s < STEPS_PER_UNIT; s++) {
                p = t[p];
            }
            if (++c == k) {
                c = 0;
                long before = System.nanoTime();
                p += (int) (disturb(mode, p, spinIterations) & z);
                long now = System.nanoTime();
                intervalsNs[n] = now - last;
                callsNs[n++] = now - before;
                last = now;
            }
        }
        sink += p;
        return n;
    }

    /**
     * The branchy variant: the same chase, but a branch on the line's random bit decides which of the line's
     * two copies of the next pointer is read, so a misprediction sits on the critical path. The taken arm
     * stores to memory, which C2 will not turn into a conditional move.
     */
    int branchy(ChaseTable table, int units, int k, int mode, int spinIterations, long[] intervalsNs, long[] callsNs) {
        final int[] t = table.words;
        final int[] hits = tally;
        final long z = zero;
        int p = 0;
        int c = 0;
        int n = 0;
        long last = System.nanoTime();
        for (int u = 0; u < units; u++) {
            for (int s = 0; s < STEPS_PER_UNIT; s++) {
                int bits = t[p + 1];
                if ((bits & 1) != 0) {
                    hits[bits >>> 28]++;
                    p = t[p];
                } else {
                    p = t[p + 2];
                }
            }
            if (++c == k) {
                c = 0;
                long before = System.nanoTime();
                p += (int) (disturb(mode, p, spinIterations) & z);
                long now = System.nanoTime();
                intervalsNs[n] = now - last;
                callsNs[n++] = now - before;
                last = now;
            }
        }
        sink += p + hits[3];
        return n;
    }

    /** Runs the workload of {@code w}; see {@link #chase}. {@code units} must be a multiple of {@code k}. */
    int run(Workload w, ChaseTable table, int units, int k, int mode, int spinIterations, long[] intervalsNs, long[] callsNs) {
        return w == Workload.BRANCHY
                ? branchy(table, units, k, mode, spinIterations, intervalsNs, callsNs)
                : chase(table, units, k, mode, spinIterations, intervalsNs, callsNs);
    }

    /** {@link #run} without the per-call times. */
    int run(Workload w, ChaseTable table, int units, int k, int mode, int spinIterations, long[] intervalsNs) {
        if (callScratch.length < intervalsNs.length) {
            callScratch = new long[intervalsNs.length];
        }
        return run(w, table, units, k, mode, spinIterations, intervalsNs, callScratch);
    }

    /** An untimed pass of {@code units} (warm-up), with no disturbance. */
    void pass(Workload w, ChaseTable table, int units) {
        run(w, table, units, units, MODE_NONE, 0, passScratch);
    }

    /**
     * The disturbance alone, {@code chunks} × {@code callsPerChunk} times back to back, each chunk's
     * length in ns written to {@code chunksNs}.
     */
    void direct(int mode, int callsPerChunk, int chunks, int spinIterations, long[] chunksNs) {
        int p = 1;
        long last = System.nanoTime();
        for (int j = 0; j < chunks; j++) {
            for (int i = 0; i < callsPerChunk; i++) {
                p += (int) disturb(mode, p, spinIterations);
            }
            long now = System.nanoTime();
            chunksNs[j] = now - last;
            last = now;
        }
        sink += p;
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
        arena.close();
    }
}
