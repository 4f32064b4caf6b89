package dev.syscost.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Counts kernel entries ({@code raw_syscalls:sys_enter}) made by the calling thread, exactly, with one
 * perf counting event: how syscost proves that a probe enters the kernel as often as it claims.
 */
public final class SyscallCounter implements AutoCloseable {
    private final int fd;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment buf = arena.allocate(8);

    private SyscallCounter(int fd) {
        this.fd = fd;
    }

    /** Opens and enables a counter on the calling thread; throws {@link NativeException} with the fix. */
    public static SyscallCounter forCurrentThread() {
        int fd = PerfEvents.openTracepointCounter("raw_syscalls", "sys_enter", 0, PerfEventAttr.EXCLUDE_HV);
        Libc.ioctlChecked("PERF_EVENT_IOC_ENABLE", fd, PerfEvents.IOC_ENABLE, 0);
        return new SyscallCounter(fd);
    }

    /** The number of kernel entries so far (the read itself is one, counted after it returns). */
    public long read() {
        return PerfEvents.readCount(fd, buf);
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}
