package dev.syscost.bench.probe;

import dev.syscost.bench.Probe;
import dev.syscost.sys.LadderCalls;
import dev.syscost.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** One byte written into a pipe and read back by the same thread: two entries, no context switch. */
public final class PipeWriteRead1bProbe implements Probe {
    private Arena arena;
    private MemorySegment buf;
    private long bufAddress;
    private int[] fds;

    @Override
    public String id() {
        return "pipe_write_read_1b";
    }

    @Override
    public String description() {
        return "write 1 byte into a pipe, read it back (same thread, no wake-up)";
    }

    @Override
    public int kernelEntriesPerCall() {
        return 2;
    }

    @Override
    public void setUp() {
        arena = Arena.ofConfined();
        buf = arena.allocate(8);
        bufAddress = buf.address();
        fds = Libc.pipe(Libc.O_CLOEXEC);
        Libc.writeChecked(fds[1], buf, 1);
        Libc.readChecked(fds[0], buf, 1);
    }

    @Override
    public long run(int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            acc += LadderCalls.write(fds[1], bufAddress, 1);
            acc += LadderCalls.read(fds[0], bufAddress, 1);
        }
        return acc;
    }

    @Override
    public void tearDown() {
        if (fds != null) {
            Libc.close(fds[0]);
            Libc.close(fds[1]);
            fds = null;
        }
        if (arena != null) {
            arena.close();
        }
    }
}
