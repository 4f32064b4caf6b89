package dev.syscost.bench.probe;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.syscost.bench.Probe;
import dev.syscost.sys.LadderCalls;
import dev.syscost.sys.Libc;
import dev.syscost.sys.SyscallTable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** The same clock_gettime(CLOCK_MONOTONIC), forced into the kernel through syscall(2). */
public final class ClockGettimeSyscallProbe implements Probe {
    private final long nr = SyscallTable.x86_64().number("clock_gettime");
    private Arena arena;
    private MemorySegment ts;
    private long tsAddress;

    @Override
    public String id() {
        return "clock_gettime_syscall";
    }

    @Override
    public String description() {
        return "clock_gettime(CLOCK_MONOTONIC) forced through syscall(2), bypassing the vDSO";
    }

    @Override
    public int kernelEntriesPerCall() {
        return 1;
    }

    @Override
    public void setUp() {
        arena = Arena.ofConfined();
        ts = arena.allocate(Libc.TIMESPEC_SIZE);
        tsAddress = ts.address();
        Libc.syscallChecked("clock_gettime", null, nr, Libc.CLOCK_MONOTONIC, tsAddress, 0, 0, 0, 0);
    }

    @Override
    public long run(int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            acc += LadderCalls.syscall(nr, Libc.CLOCK_MONOTONIC, tsAddress);
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
