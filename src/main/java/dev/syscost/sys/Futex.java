package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * futex(2) WAIT and WAKE on a 32-bit word. Shared futexes only: the word lives in a MAP_SHARED mapping
 * seen by two processes, so FUTEX_PRIVATE_FLAG (which keys the futex by this process's mm) must not be set.
 */
public final class Futex {
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;

    private Futex() {}

    private static final class Handles {
        static final long NR = SyscallTable.x86_64().number("futex");
        static final MethodHandle SYSCALL6 = Native.downcall("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
                        JAVA_LONG),
                Linker.Option.firstVariadicArg(1));
    }

    /**
     * Sleeps while the word at {@code wordAddress} still holds {@code expected}, at most the relative
     * {@code timespec} (a 16-byte {@code struct timespec}). Returns 0 when woken, -1 when the word had
     * already changed (EAGAIN), the timeout passed or a signal came; the caller re-checks the word either way.
     */
    public static long await(long wordAddress, int expected, MemorySegment timespec) {
        try {
            return (long) Handles.SYSCALL6.invokeExact(Handles.NR, wordAddress, (long) FUTEX_WAIT, (long) expected,
                    timespec.address(), 0L, 0L);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Wakes up to {@code count} waiters on the word; returns how many were woken, or -1. */
    public static long wake(long wordAddress, int count) {
        try {
            return (long) Handles.SYSCALL6.invokeExact(Handles.NR, wordAddress, (long) FUTEX_WAKE, (long) count,
                    0L, 0L, 0L);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
