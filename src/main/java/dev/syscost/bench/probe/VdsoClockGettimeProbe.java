package dev.syscost.bench.probe;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.syscost.bench.Probe;
import dev.syscost.sys.LadderCalls;
import dev.syscost.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** libc clock_gettime(CLOCK_MONOTONIC): answered in user space by the vDSO when the clock source allows. */
public final class VdsoClockGettimeProbe implements Probe {
    private Arena arena;
    private MemorySegment ts;
    private long tsAddress;

    @Override
    public String id() {
        return "vdso_clock_gettime";
    }

    @Override
    public String description() {
        return "clock_gettime(CLOCK_MONOTONIC) through libc and the vDSO";
    }

    @Override
    public int kernelEntriesPerCall() {
        return 0;
    }

    @Override
    public void setUp() {
        arena = Arena.ofConfined();
        ts = arena.allocate(Libc.TIMESPEC_SIZE);
        tsAddress = ts.address();
        if (Libc.clockGettime(Libc.CLOCK_MONOTONIC, ts) != 0) {
            throw new UnsupportedOperationException("clock_gettime(CLOCK_MONOTONIC) failed");
        }
    }

    @Override
    public long run(int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            LadderCalls.clockGettime(Libc.CLOCK_MONOTONIC, tsAddress);
            acc += ts.get(JAVA_LONG, 8);
        }
        return acc;
    }

    @Override
    public void tearDown() {
        if (arena != null) {
            arena.close();
        }
    }
}
