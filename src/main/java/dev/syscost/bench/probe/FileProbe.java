package dev.syscost.bench.probe;

import dev.syscost.bench.Probe;
import dev.syscost.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** A probe that works on one open file with a small native buffer; closes both in {@link #tearDown()}. */
abstract class FileProbe implements Probe {
    private final String path;
    private final int flags;
    private Arena arena;
    protected MemorySegment buf;
    /** {@code buf}'s address, for the timed loops' critical calls (the arena outlives them). */
    protected long bufAddress;
    protected int fd = -1;

    FileProbe(String path, int flags) {
        this.path = path;
        this.flags = flags;
    }

    @Override
    public void setUp() {
        arena = Arena.ofConfined();
        buf = arena.allocate(Libc.STAT_SIZE);
        bufAddress = buf.address();
        fd = Libc.openChecked(path, flags | Libc.O_CLOEXEC, 0);
    }

    @Override
    public void tearDown() {
        if (fd >= 0) {
            Libc.close(fd);
            fd = -1;
        }
        if (arena != null) {
            arena.close();
            arena = null;
        }
    }
}
