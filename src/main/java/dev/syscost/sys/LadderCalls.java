package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/**
 * The libc calls of the ladder's timed loops, linked the cheapest legal way so that what is timed is the
 * call, not the binding: {@link Linker.Option#critical(boolean) critical} (no Java→native thread-state
 * transition and safepoint check: every call here returns in well under a microsecond and never blocks:
 * /dev/null, /dev/zero, a pipe that always has room or a byte), buffers passed as raw addresses (no
 * memory-session acquire and release per call; the probe's arena outlives its loop) and no errno capture
 * (results are checked by the probes' set-up through {@link Libc}'s checked calls).
 *
 * <p>The FFM downcall rung ({@link #labs}) is linked the same way, so subtracting it removes exactly the
 * binding from every other rung. Never use these for calls that can block: a critical call holds off
 * the garbage collector until it returns.
 */
public final class LadderCalls {
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    private LadderCalls() {}

    private static final class Labs {
        static final MethodHandle MH = Native.downcall("labs", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), CRITICAL);
    }

    private static final class ClockGettime {
        static final MethodHandle MH = Native.downcall("clock_gettime",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), CRITICAL);
    }

    private static final class Syscall0 {
        static final MethodHandle MH = Native.downcall("syscall", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(1), CRITICAL);
    }

    private static final class Syscall2 {
        static final MethodHandle MH = Native.downcall("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(1),
                CRITICAL);
    }

    private static final class Getppid {
        static final MethodHandle MH = Native.downcall("getppid", FunctionDescriptor.of(JAVA_INT), CRITICAL);
    }

    private static final class Read {
        static final MethodHandle MH = Native.downcall("read",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG), CRITICAL);
    }

    private static final class Write {
        static final MethodHandle MH = Native.downcall("write",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG), CRITICAL);
    }

    private static final class Fstat {
        static final MethodHandle MH = Native.downcall("fstat",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), CRITICAL);
    }

    private static final class Open {
        // open(const char *, int, ...): variadic after the flags; C's open("/dev/null", flags) passes no mode either.
        static final MethodHandle MH = Native.downcall("open",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT), CRITICAL);
    }

    private static final class Close {
        static final MethodHandle MH = Native.downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CRITICAL);
    }

    /** libc {@code labs}: a native function that never enters the kernel. */
    public static long labs(long v) {
        try {
            return (long) Labs.MH.invokeExact(v);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** libc {@code clock_gettime} into the timespec at {@code timespecAddress}. */
    public static int clockGettime(int clock, long timespecAddress) {
        try {
            return (int) ClockGettime.MH.invokeExact(clock, timespecAddress);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code syscall(nr)}: the raw result, -1 on failure. */
    public static long syscall(long nr) {
        try {
            return (long) Syscall0.MH.invokeExact(nr);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code syscall(nr, a1, a2)}: the raw result, -1 on failure. */
    public static long syscall(long nr, long a1, long a2) {
        try {
            return (long) Syscall2.MH.invokeExact(nr, a1, a2);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int getppid() {
        try {
            return (int) Getppid.MH.invokeExact();
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static long read(int fd, long bufAddress, long count) {
        try {
            return (long) Read.MH.invokeExact(fd, bufAddress, count);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static long write(int fd, long bufAddress, long count) {
        try {
            return (long) Write.MH.invokeExact(fd, bufAddress, count);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int fstat(int fd, long statAddress) {
        try {
            return (int) Fstat.MH.invokeExact(fd, statAddress);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code open(path, flags)} without a mode: for opening existing files only. */
    public static int open(long pathAddress, int flags) {
        try {
            return (int) Open.MH.invokeExact(pathAddress, flags);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int close(int fd) {
        try {
            return (int) Close.MH.invokeExact(fd);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
