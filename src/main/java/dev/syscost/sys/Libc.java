package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The few libc functions syscost calls. Each handle sits in its own holder class, so it is resolved
 * on first use only: {@code syscost --version} never starts the linker.
 *
 * <p>The unchecked methods (no errno capture) are for timed loops: they return libc's raw result,
 * -1 on failure. The {@code checked} ones capture errno and throw {@link NativeException}.
 */
public final class Libc {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_CREAT = 0x40;
    public static final int O_TRUNC = 0x200;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLOCK_MONOTONIC = 1;
    /** {@code sizeof(struct stat)} on x86-64. */
    public static final long STAT_SIZE = 144;
    /** {@code sizeof(struct timespec)} on x86-64. */
    public static final long TIMESPEC_SIZE = 16;

    private Libc() {}

    // --- holders: one per function and variant, resolved lazily (linking one costs milliseconds, so a
    // checked call never links the unchecked variant of the same function, nor the other way round) -----

    private static final class Syscall0 {
        static final MethodHandle MH = Native.downcall("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(1));
    }

    private static final class Syscall2 {
        static final MethodHandle MH = Native.downcall("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(1));
    }

    private static final class Syscall6Errno {
        static final MethodHandle MH = Native.downcallErrno("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
                        JAVA_LONG),
                Linker.Option.firstVariadicArg(1));
    }

    private static final class Getppid {
        static final MethodHandle MH = Native.downcall("getppid", FunctionDescriptor.of(JAVA_INT));
    }

    private static final class Getpid {
        static final MethodHandle MH = Native.downcall("getpid", FunctionDescriptor.of(JAVA_INT));
    }

    private static final class Gettid {
        static final MethodHandle MH = Native.downcall("gettid", FunctionDescriptor.of(JAVA_INT));
    }

    private static final class Labs {
        static final MethodHandle MH = Native.downcall("labs", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
    }

    private static final class ClockGettime {
        static final MethodHandle MH = Native.downcall("clock_gettime",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    }

    private static final class Read {
        static final MethodHandle MH = Native.downcall("read",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    }

    private static final class ReadErrno {
        static final MethodHandle MH = Native.downcallErrno("read",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    }

    private static final class Write {
        static final MethodHandle MH = Native.downcall("write",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    }

    private static final class WriteErrno {
        static final MethodHandle MH = Native.downcallErrno("write",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    }

    private static final class Fstat {
        static final MethodHandle MH = Native.downcall("fstat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    }

    private static final class Open {
        // open(const char *, int, ...): variadic after the flags, so mode is passed as a variadic int.
        static final MethodHandle MH = Native.downcall("open",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    }

    private static final class OpenErrno {
        static final MethodHandle MH = Native.downcallErrno("open",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    }

    private static final class Close {
        static final MethodHandle MH = Native.downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    private static final class CloseErrno {
        static final MethodHandle MH = Native.downcallErrno("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    private static final class Pipe2 {
        static final MethodHandle ERRNO = Native.downcallErrno("pipe2",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    }

    private static final class Ioctl {
        static final MethodHandle MH = Native.downcall("ioctl",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(2));
    }

    private static final class IoctlErrno {
        static final MethodHandle MH = Native.downcallErrno("ioctl",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(2));
    }

    private static final class Affinity {
        static final MethodHandle SET = Native.downcallErrno("sched_setaffinity",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
        static final MethodHandle GET = Native.downcallErrno("sched_getaffinity",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
        static final MethodHandle GETCPU = Native.downcall("sched_getcpu", FunctionDescriptor.of(JAVA_INT));
    }

    /**
     * Links the downcalls a profile run makes (bpf(2) through syscall; open, read and write with errno;
     * clock_gettime; close), in the order it first makes them; see {@link Prelink}.
     */
    static void prelinkProfile() {
        touch(Syscall6Errno.MH, OpenErrno.MH, ReadErrno.MH, ClockGettime.MH, WriteErrno.MH, Close.MH);
    }

    private static void touch(MethodHandle... linked) {
        // reading the holders' fields has initialised them: nothing more to do
    }

    // --- unchecked: for timed loops -------------------------------------------------------------

    /** {@code syscall(nr)}: the raw result, -1 on failure (errno not captured). */
    public static long syscall(long nr) {
        try {
            return (long) Syscall0.MH.invokeExact(nr);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code syscall(nr, a1, a2)}: the raw result, -1 on failure (errno not captured). */
    public static long syscall(long nr, long a1, long a2) {
        try {
            return (long) Syscall2.MH.invokeExact(nr, a1, a2);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int getppid() {
        try {
            return (int) Getppid.MH.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int getpid() {
        try {
            return (int) Getpid.MH.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int gettid() {
        try {
            return (int) Gettid.MH.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** libc {@code labs}: a native function that never enters the kernel. */
    public static long labs(long v) {
        try {
            return (long) Labs.MH.invokeExact(v);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** libc {@code clock_gettime}, which glibc routes through the vDSO where the clock source allows. */
    public static int clockGettime(int clock, MemorySegment timespec) {
        try {
            return (int) ClockGettime.MH.invokeExact(clock, timespec);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static long read(int fd, MemorySegment buf, long count) {
        try {
            return (long) Read.MH.invokeExact(fd, buf, count);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static long write(int fd, MemorySegment buf, long count) {
        try {
            return (long) Write.MH.invokeExact(fd, buf, count);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int fstat(int fd, MemorySegment statbuf) {
        try {
            return (int) Fstat.MH.invokeExact(fd, statbuf);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int open(MemorySegment path, int flags) {
        try {
            return (int) Open.MH.invokeExact(path, flags, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int close(int fd) {
        try {
            return (int) Close.MH.invokeExact(fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int ioctl(int fd, long request, long arg) {
        try {
            return (int) Ioctl.MH.invokeExact(fd, request, arg);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The CPU the calling thread runs on now. */
    public static int sched_getcpu() {
        try {
            return (int) Affinity.GETCPU.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // --- checked: errno captured, failures thrown -----------------------------------------------

    /** {@code syscall(nr, a1..a6)} with errno captured; throws {@link NativeException} on -1. */
    public static long syscallChecked(String call, String hint, long nr, long a1, long a2, long a3, long a4,
            long a5, long a6) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            long r = (long) Syscall6Errno.MH.invokeExact(capture, nr, a1, a2, a3, a4, a5, a6);
            if (r == -1) {
                throw new NativeException(call, Native.errno(capture), hint);
            }
            return r;
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code open(path, flags, mode)}; throws {@link NativeException} with errno on failure. */
    public static int openChecked(String path, int flags, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            int fd = (int) OpenErrno.MH.invokeExact(capture, arena.allocateFrom(path), flags, mode);
            if (fd < 0) {
                throw new NativeException("open(" + path + ")", Native.errno(capture), null);
            }
            return fd;
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code close(fd)}; throws {@link NativeException} with errno on failure. */
    public static void closeChecked(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            if ((int) CloseErrno.MH.invokeExact(capture, fd) != 0) {
                throw new NativeException("close(" + fd + ")", Native.errno(capture), null);
            }
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code read(fd, buf, count)}; throws {@link NativeException} with errno on failure. */
    public static long readChecked(int fd, MemorySegment buf, long count) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            long n = (long) ReadErrno.MH.invokeExact(capture, fd, buf, count);
            if (n < 0) {
                throw new NativeException("read(" + fd + ")", Native.errno(capture), null);
            }
            return n;
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code write(fd, buf, count)}; throws {@link NativeException} with errno on failure. */
    public static long writeChecked(int fd, MemorySegment buf, long count) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            long n = (long) WriteErrno.MH.invokeExact(capture, fd, buf, count);
            if (n < 0) {
                throw new NativeException("write(" + fd + ")", Native.errno(capture), null);
            }
            return n;
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code ioctl(fd, request, arg)}; throws {@link NativeException} with errno on failure. */
    public static int ioctlChecked(String call, int fd, long request, long arg) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            int r = (int) IoctlErrno.MH.invokeExact(capture, fd, request, arg);
            if (r < 0) {
                throw new NativeException(call, Native.errno(capture), null);
            }
            return r;
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code pipe2(flags)}: returns {read end, write end}. */
    public static int[] pipe(int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            if ((int) Pipe2.ERRNO.invokeExact(capture, fds, flags) != 0) {
                throw new NativeException("pipe2", Native.errno(capture), "raise the open-file limit (ulimit -n)");
            }
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Pins thread {@code tid} (0 = the caller) to one CPU. */
    public static void pinToCpu(int tid, int cpu) {
        if (cpu < 0 || cpu >= 1024) {
            throw new IllegalArgumentException("cpu must be between 0 and 1023: " + cpu);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            MemorySegment set = arena.allocate(128); // cpu_set_t: 1024 bits
            set.set(JAVA_LONG, (cpu / 64) * 8L, 1L << (cpu % 64));
            if ((int) Affinity.SET.invokeExact(capture, tid, 128L, set) != 0) {
                throw new NativeException("sched_setaffinity(cpu " + cpu + ")", Native.errno(capture),
                        "choose a CPU this process may run on (see `taskset -p $$`)");
            }
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The CPUs thread {@code tid} (0 = the caller) may run on. */
    public static java.util.BitSet affinity(int tid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            MemorySegment set = arena.allocate(128);
            if ((int) Affinity.GET.invokeExact(capture, tid, 128L, set) != 0) {
                throw new NativeException("sched_getaffinity", Native.errno(capture), null);
            }
            return java.util.BitSet.valueOf(set.toArray(JAVA_LONG));
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Restores the affinity mask captured by {@link #affinity(int)}. */
    public static void setAffinity(int tid, java.util.BitSet cpus) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            MemorySegment set = arena.allocate(128);
            long[] words = cpus.toLongArray();
            for (int i = 0; i < Math.min(words.length, 16); i++) {
                set.setAtIndex(JAVA_LONG, i, words[i]);
            }
            if ((int) Affinity.SET.invokeExact(capture, tid, 128L, set) != 0) {
                throw new NativeException("sched_setaffinity", Native.errno(capture), null);
            }
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed", t);
    }
}
