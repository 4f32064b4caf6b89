package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Proxy;

/** kill(2), waitid(2) without reaping, and forwarding of the JVM's own signals. */
public final class Processes {
    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;

    private static final int P_PID = 1;
    private static final int WSTOPPED = 2;
    private static final int WEXITED = 4;
    private static final int WNOWAIT = 0x01000000;
    /** {@code siginfo_t}: 128 bytes; si_code at 8, si_pid at 16, si_status at 24 for SIGCHLD. */
    static final long SIGINFO_SIZE = 128;
    static final long SI_CODE_OFFSET = 8;
    static final long SI_STATUS_OFFSET = 24;
    private static final int ECHILD = 10;
    private static final int CLD_EXITED = 1;
    private static final int CLD_STOPPED = 5;

    private static final class Waitid {
        static final MethodHandle MH = Native.downcallErrno("waitid",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    }

    private Processes() {}

    /** What {@link #waitStoppedOrExited} saw. */
    public record ChildState(boolean stopped, boolean exited, int exitStatus) {}

    /** Sends {@code signal} to {@code pid}; throws {@link NativeException} (ESRCH: gone, EPERM: not ours). */
    public static void kill(int pid, int signal) {
        Libc.syscallChecked("kill(" + pid + ", " + signal + ")", null, SyscallTable.x86_64().number("kill"),
                pid, signal, 0, 0, 0, 0);
    }

    /** Whether {@code pid} exists and we may signal it (kill with signal 0). */
    public static boolean signalable(int pid) {
        try {
            kill(pid, 0);
            return true;
        } catch (NativeException e) {
            return false;
        }
    }

    /**
     * Blocks until child {@code pid} stops or exits, without reaping it (WNOWAIT), so the JVM's own
     * reaper still collects the exit status. A child already reaped counts as exited (status -1).
     */
    public static ChildState waitStoppedOrExited(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            MemorySegment info = arena.allocate(SIGINFO_SIZE);
            while (true) {
                int r = (int) Waitid.MH.invokeExact(capture, P_PID, pid, info, WSTOPPED | WEXITED | WNOWAIT);
                if (r == 0) {
                    int code = info.get(JAVA_INT, SI_CODE_OFFSET);
                    int status = info.get(JAVA_INT, SI_STATUS_OFFSET);
                    return code == CLD_STOPPED ? new ChildState(true, false, 0)
                            : new ChildState(false, true, code == CLD_EXITED ? status : 128 + status);
                }
                int errno = Native.errno(capture);
                if (errno == ECHILD) {
                    return new ChildState(false, true, -1);
                }
                if (errno != Errno.EINTR) {
                    throw new NativeException("waitid(" + pid + ")", errno, null);
                }
            }
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * Runs {@code action} when the JVM receives signal {@code name} ("INT", "TERM") instead of exiting.
     * Uses {@code sun.misc.Signal} reflectively: javac's proprietary-API warning cannot be suppressed
     * under -Werror. Returns false where the JVM refuses (e.g. the signal is reserved).
     */
    public static boolean onSignal(String name, Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            action.run();
                        }
                        return null;
                    });
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
