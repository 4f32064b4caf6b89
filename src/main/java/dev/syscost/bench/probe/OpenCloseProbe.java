package dev.syscost.bench.probe;

import dev.syscost.bench.Probe;
import dev.syscost.sys.LadderCalls;
import dev.syscost.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** open("/dev/null") then close(): path lookup, file allocation and release, two kernel entries. */
public final class OpenCloseProbe implements Probe {
    private Arena arena;
    private MemorySegment path;
    private long pathAddress;

    @Override
    public String id() {
        return "open_close";
    }

    @Override
    public String description() {
        return "open(\"/dev/null\", O_RDONLY) + close(): path walk, file alloc and free";
    }

    @Override
    public int kernelEntriesPerCall() {
        return 2;
    }

    @Override
    public void setUp() {
        arena = Arena.ofConfined();
        path = arena.allocateFrom("/dev/null");
        pathAddress = path.address();
        Libc.closeChecked(Libc.openChecked("/dev/null", Libc.O_RDONLY | Libc.O_CLOEXEC, 0));
    }

    @Override
    public long run(int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            int fd = LadderCalls.open(pathAddress, Libc.O_RDONLY | Libc.O_CLOEXEC);
            acc += fd + LadderCalls.close(fd);
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
