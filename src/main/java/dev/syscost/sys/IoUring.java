package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * io_uring from Java: {@code io_uring_setup(2)}, the SQ/CQ rings and SQE array mapped with mmap(2),
 * write SQEs, {@code io_uring_enter(2)}, and completion reaping with the ring's acquire/release protocol.
 * No liburing: the layouts below are the UAPI structs ({@code include/uapi/linux/io_uring.h}).
 */
public final class IoUring implements AutoCloseable {
    /** Set this system property to force io_uring to be refused, to test the "unavailable" branch. */
    public static final String DISABLE_PROPERTY = "syscost.io_uring.disable";

    public static final StructLayout SQRING_OFFSETS = MemoryLayout.structLayout(
            JAVA_INT.withName("head"), JAVA_INT.withName("tail"), JAVA_INT.withName("ring_mask"),
            JAVA_INT.withName("ring_entries"), JAVA_INT.withName("flags"), JAVA_INT.withName("dropped"),
            JAVA_INT.withName("array"), JAVA_INT.withName("resv1"), JAVA_LONG.withName("user_addr"));
    public static final StructLayout CQRING_OFFSETS = MemoryLayout.structLayout(
            JAVA_INT.withName("head"), JAVA_INT.withName("tail"), JAVA_INT.withName("ring_mask"),
            JAVA_INT.withName("ring_entries"), JAVA_INT.withName("overflow"), JAVA_INT.withName("cqes"),
            JAVA_INT.withName("flags"), JAVA_INT.withName("resv1"), JAVA_LONG.withName("user_addr"));
    /** {@code struct io_uring_params}: 120 bytes. */
    public static final StructLayout PARAMS = MemoryLayout.structLayout(
            JAVA_INT.withName("sq_entries"), JAVA_INT.withName("cq_entries"), JAVA_INT.withName("flags"),
            JAVA_INT.withName("sq_thread_cpu"), JAVA_INT.withName("sq_thread_idle"), JAVA_INT.withName("features"),
            JAVA_INT.withName("wq_fd"), MemoryLayout.sequenceLayout(3, JAVA_INT).withName("resv"),
            SQRING_OFFSETS.withName("sq_off"), CQRING_OFFSETS.withName("cq_off"));
    /** {@code struct io_uring_sqe}: 64 bytes (the unions by their first member). */
    public static final StructLayout SQE = MemoryLayout.structLayout(
            JAVA_BYTE.withName("opcode"), JAVA_BYTE.withName("flags"), JAVA_SHORT.withName("ioprio"),
            JAVA_INT.withName("fd"), JAVA_LONG.withName("off"), JAVA_LONG.withName("addr"),
            JAVA_INT.withName("len"), JAVA_INT.withName("rw_flags"), JAVA_LONG.withName("user_data"),
            JAVA_SHORT.withName("buf_index"), JAVA_SHORT.withName("personality"),
            JAVA_INT.withName("splice_fd_in"), JAVA_LONG.withName("addr3"), JAVA_LONG.withName("__pad2"));
    /** {@code struct io_uring_cqe}: 16 bytes. */
    public static final StructLayout CQE = MemoryLayout.structLayout(
            JAVA_LONG.withName("user_data"), JAVA_INT.withName("res"), JAVA_INT.withName("flags"));

    public static final int IORING_SETUP_SQPOLL = 1 << 1;
    public static final int IORING_FEAT_SINGLE_MMAP = 1;
    public static final int IORING_ENTER_GETEVENTS = 1;
    public static final int IORING_ENTER_SQ_WAKEUP = 2;
    public static final int IORING_SQ_NEED_WAKEUP = 1;
    public static final byte IORING_OP_WRITE = 23;
    static final long IORING_OFF_SQ_RING = 0;
    static final long IORING_OFF_CQ_RING = 0x8000000L;
    static final long IORING_OFF_SQES = 0x10000000L;
    private static final int PROT_READ_WRITE = 3;
    private static final int MAP_SHARED_POPULATE = 0x01 | 0x8000;
    private static final VarHandle INT = JAVA_INT.varHandle();

    private static final class H {
        static final MethodHandle MMAP = Native.downcallErrno("mmap",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
        static final MethodHandle MUNMAP = Native.downcall("munmap",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
        static final MethodHandle ENTER = Native.downcall("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG),
                java.lang.foreign.Linker.Option.firstVariadicArg(1));
        static final long NR_SETUP = SyscallTable.x86_64().number("io_uring_setup");
        static final long NR_ENTER = SyscallTable.x86_64().number("io_uring_enter");
    }

    private final int fd;
    private final boolean sqpoll;
    private final int entries;
    private final MemorySegment sqRing;
    private final MemorySegment cqRing;
    private final MemorySegment sqes;
    private final long sqHead, sqTail, sqMask, sqFlags, cqHead, cqTail, cqMask, cqesOff;
    private int localTail;
    private long enters;

    private IoUring(int fd, boolean sqpoll, MemorySegment params) {
        this.fd = fd;
        this.sqpoll = sqpoll;
        this.entries = params.get(JAVA_INT, 0);
        int cqEntries = params.get(JAVA_INT, 4);
        long sq = 40;
        long cq = 80;
        sqHead = params.get(JAVA_INT, sq);
        sqTail = params.get(JAVA_INT, sq + 4);
        sqMask = params.get(JAVA_INT, sq + 8);
        sqFlags = params.get(JAVA_INT, sq + 16);
        long sqArray = params.get(JAVA_INT, sq + 24);
        cqHead = params.get(JAVA_INT, cq);
        cqTail = params.get(JAVA_INT, cq + 4);
        cqMask = params.get(JAVA_INT, cq + 8);
        cqesOff = params.get(JAVA_INT, cq + 20);
        long sqSize = sqArray + entries * 4L;
        long cqSize = cqesOff + cqEntries * CQE.byteSize();
        if ((params.get(JAVA_INT, 20) & IORING_FEAT_SINGLE_MMAP) != 0) {
            sqSize = Math.max(sqSize, cqSize);
            sqRing = mmap(fd, sqSize, IORING_OFF_SQ_RING);
            cqRing = sqRing;
        } else {
            sqRing = mmap(fd, sqSize, IORING_OFF_SQ_RING);
            cqRing = mmap(fd, cqSize, IORING_OFF_CQ_RING);
        }
        sqes = mmap(fd, entries * SQE.byteSize(), IORING_OFF_SQES);
        for (int i = 0; i < entries; i++) {
            sqRing.set(JAVA_INT, sqArray + 4L * i, i); // identity: SQ slot i holds SQE i
        }
        localTail = (int) INT.getAcquire(sqRing, sqTail);
    }

    /**
     * Sets up a ring with {@code entries} submission slots (a power of two), optionally with a kernel
     * submission-polling thread; throws {@link NativeException} whose hint says why io_uring is refused.
     */
    public static IoUring open(int entries, boolean sqpoll) {
        if (Boolean.getBoolean(DISABLE_PROPERTY)) {
            throw new NativeException("io_uring_setup", Errno.EPERM, "io_uring disabled by -D" + DISABLE_PROPERTY + "=true");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = arena.allocate(PARAMS);
            if (sqpoll) {
                params.set(JAVA_INT, 8, IORING_SETUP_SQPOLL);
                params.set(JAVA_INT, 16, 50); // sq_thread_idle ms: the poller sleeps soon after the benchmark
            }
            int fd;
            try {
                fd = (int) Libc.syscallChecked("io_uring_setup", null, H.NR_SETUP, entries, params.address(), 0, 0, 0, 0);
            } catch (NativeException e) {
                throw new NativeException("io_uring_setup" + (sqpoll ? " (SQPOLL)" : ""), e.errno(), hintFor(e.errno(), sqpoll));
            }
            try {
                return new IoUring(fd, sqpoll, params);
            } catch (RuntimeException e) {
                Libc.close(fd);
                throw e;
            }
        }
    }

    /** Why io_uring_setup failed with {@code errno}, and what would enable it. */
    static String hintFor(int errno, boolean sqpoll) {
        String sysctl = disabledSysctl();
        return switch (errno) {
            case Errno.ENOSYS -> "the kernel has no io_uring (CONFIG_IO_URING=n) or a seccomp filter refuses it"
                    + " (Docker's default profile does; run with --security-opt seccomp=unconfined)";
            case Errno.EPERM, Errno.EACCES -> "io_uring refused: kernel.io_uring_disabled=" + sysctl
                    + (sqpoll ? " (or SQPOLL needs CAP_SYS_NICE on kernels before 5.11)" : "")
                    + "; `sysctl kernel.io_uring_disabled=0`, or a seccomp/LSM policy denies it";
            case Errno.EINVAL -> "this kernel does not support the requested io_uring setup flags";
            case Errno.EMFILE -> "raise the open-file limit (ulimit -n)";
            default -> "";
        };
    }

    /** {@code kernel.io_uring_disabled} (0 allowed, 1 privileged only, 2 off), or "absent" on older kernels. */
    public static String disabledSysctl() {
        try {
            return ProcFiles.read(Path.of("/proc/sys/kernel/io_uring_disabled")).trim();
        } catch (IOException e) {
            return "absent";
        }
    }

    @SuppressWarnings("restricted") // reinterpreting the kernel-shared ring mapping to its real length
    private static MemorySegment mmap(int fd, long size, long offset) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            MemorySegment p = (MemorySegment) H.MMAP.invokeExact(capture, MemorySegment.NULL, size,
                    PROT_READ_WRITE, MAP_SHARED_POPULATE, fd, offset);
            if (p.address() == -1L) {
                throw new NativeException("mmap(io_uring ring)", Native.errno(capture), "raise RLIMIT_MEMLOCK (ulimit -l)");
            }
            return p.reinterpret(size);
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** The number of submission slots the kernel granted. */
    public int entries() {
        return entries;
    }

    public boolean sqpoll() {
        return sqpoll;
    }

    /** How many times this ring has called io_uring_enter. */
    public long enters() {
        return enters;
    }

    /** Queues a write of {@code len} bytes at {@code buf} to {@code target} (offset -1: the file position). */
    public void prepareWrite(int target, MemorySegment buf, int len, long offset, long userData) {
        long base = (localTail & (entries - 1)) * SQE.byteSize();
        MemorySegment sqe = sqes;
        sqe.set(JAVA_LONG, base, 0L); // opcode, flags, ioprio, fd cleared together
        sqe.set(JAVA_BYTE, base, IORING_OP_WRITE);
        sqe.set(JAVA_INT, base + 4, target);
        sqe.set(JAVA_LONG, base + 8, offset);
        sqe.set(JAVA_LONG, base + 16, buf.address());
        sqe.set(JAVA_INT, base + 24, len);
        sqe.set(JAVA_INT, base + 28, 0);
        sqe.set(JAVA_LONG, base + 32, userData);
        sqe.set(JAVA_LONG, base + 40, 0L);
        sqe.set(JAVA_LONG, base + 48, 0L);
        sqe.set(JAVA_LONG, base + 56, 0L);
        localTail++;
    }

    /**
     * Publishes the queued SQEs and waits for {@code count} completions: one io_uring_enter with
     * GETEVENTS normally; with SQPOLL a wake-up enter only when the poller sleeps, then a short
     * user-space spin, then a GETEVENTS enter if the completions are still missing.
     * Returns the sum of the completions' results (bytes), or a negative errno of the first failure.
     */
    public long submitAndWait(int count) {
        INT.setRelease(sqRing, sqTail, localTail);
        if (sqpoll) {
            if (((int) INT.getAcquire(sqRing, sqFlags) & IORING_SQ_NEED_WAKEUP) != 0) {
                enter(0, 0, IORING_ENTER_SQ_WAKEUP);
            }
            return reap(count, true);
        }
        long r = enter(count, count, IORING_ENTER_GETEVENTS);
        if (r < 0) {
            return r;
        }
        return reap(count, false);
    }

    private long enter(int toSubmit, int minComplete, int flags) {
        enters++;
        try {
            return (long) H.ENTER.invokeExact(H.NR_ENTER, fd, toSubmit, minComplete, flags, MemorySegment.NULL, 0L);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private long reap(int count, boolean spin) {
        long sum = 0;
        int head = (int) INT.getAcquire(cqRing, cqHead);
        int mask = cqRing.get(JAVA_INT, cqMask);
        int seen = 0;
        int spins = 0;
        while (seen < count) {
            int tail = (int) INT.getAcquire(cqRing, cqTail);
            if (tail == head) {
                // With SQPOLL, spin briefly for the poller's completions; past that (or without SQPOLL),
                // sleep in the kernel until they arrive, as liburing's io_uring_wait_cqe does, so a
                // poller sharing this CPU gets to run.
                if (spin && ++spins < 256) {
                    Thread.onSpinWait();
                } else {
                    long r = enter(0, count - seen, IORING_ENTER_GETEVENTS);
                    if (r < 0) {
                        return r;
                    }
                }
                continue;
            }
            while (head != tail && seen < count) {
                int res = cqRing.get(JAVA_INT, cqesOff + (head & mask) * CQE.byteSize() + 8);
                if (res < 0 && sum >= 0) {
                    sum = res;
                } else if (sum >= 0) {
                    sum += res;
                }
                head++;
                seen++;
            }
            INT.setRelease(cqRing, cqHead, head);
        }
        return sum;
    }

    @Override
    public void close() {
        try {
            int r = (int) H.MUNMAP.invokeExact(sqes, sqes.byteSize());
            if (cqRing != sqRing) {
                r |= (int) H.MUNMAP.invokeExact(cqRing, cqRing.byteSize());
            }
            r |= (int) H.MUNMAP.invokeExact(sqRing, sqRing.byteSize());
            if (r != 0) {
                throw new NativeException("munmap(io_uring ring)", Errno.EINVAL, null);
            }
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        } finally {
            Libc.close(fd);
        }
    }
}
