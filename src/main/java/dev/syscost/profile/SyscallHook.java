package dev.syscost.profile;

import dev.syscost.sys.Bpf;
import dev.syscost.sys.BpfVerifierException;
import dev.syscost.sys.Libc;
import dev.syscost.sys.NativeException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Where a per-syscall program hangs, cheapest first. A BPF trampoline (fentry) on {@code x64_sys_call}
 * costs only the syscalls that reach it; the raw tracepoint {@code sys_enter} sets syscall work on every
 * task, sending every syscall on the machine through the slow entry path while anything is attached.
 * Both hand the program the same context: args[0] the syscall's {@code struct pt_regs}, args[1] its number.
 */
public final class SyscallHook implements AutoCloseable {
    /** The kernel function every valid 64-bit syscall is dispatched through (since Linux 6.9). */
    static final String DISPATCHER = "x64_sys_call";
    /** Set to {@code raw_tp} (or {@code fentry}) to force a hook; the default probes fentry first. */
    public static final String ENV = "SYSCOST_HOOK";
    /** The same as a system property (tests); the environment variable wins. */
    public static final String PROPERTY = "syscost.hook";

    /** The hook kinds. */
    public enum Kind {
        FENTRY("fentry on " + DISPATCHER + " (BPF trampoline: only the syscalls that reach it pay; "
                + "invalid syscall numbers are not seen)"),
        RAW_TP("raw tracepoint sys_enter (every syscall on the machine takes the slow entry path while it is attached)");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final int progFd;
    private final String fentryRefusal;
    private int linkFd = -1;

    private SyscallHook(Kind kind, int progFd, String fentryRefusal) {
        this.kind = kind;
        this.progFd = progFd;
        this.fentryRefusal = fentryRefusal;
    }

    /** Loads {@code program} on the cheapest hook the kernel allows (not attached yet). */
    static SyscallHook load(BpfAsm program, String name) {
        String forced = System.getenv(ENV) != null ? System.getenv(ENV) : System.getProperty(PROPERTY);
        String refusal = null;
        if (forced == null || forced.isBlank() || forced.equalsIgnoreCase("fentry")) {
            try {
                return new SyscallHook(Kind.FENTRY, loadFentry(program, name), null);
            } catch (NativeException | BpfVerifierException | IOException e) {
                if (forced != null && forced.equalsIgnoreCase("fentry")) {
                    throw new NativeException("fentry forced by " + ENV + "=fentry: " + oneLine(e.getMessage()),
                            dev.syscost.sys.Errno.EINVAL, "unset " + ENV);
                }
                refusal = e instanceof NativeException n && n.errno() == dev.syscost.sys.Errno.EPERM
                        ? "the kernel refused the trampoline program: EPERM from " + n.getMessage().split(" failed")[0]
                                + " although other bpf programs load (lockdown or an LSM policy can refuse tracing programs alone)"
                        : oneLine(e.getMessage());
            }
        } else if (!forced.equalsIgnoreCase("raw_tp")) {
            throw new dev.syscost.UsageException(ENV + " must be fentry or raw_tp: " + forced);
        } else {
            refusal = "forced off by " + ENV + "=raw_tp";
        }
        try (Arena a = Arena.ofConfined()) {
            return new SyscallHook(Kind.RAW_TP, Bpf.progLoad(Bpf.PROG_TYPE_RAW_TRACEPOINT, program.encode(a), name), refusal);
        }
    }

    /** Loads an empty program (returns 0) on the same hook: the floor any program there pays. */
    public static SyscallHook floor() {
        return load(new BpfAsm().movImm(BpfAsm.R0, 0).exit(), "syscost_floor");
    }

    /**
     * The dispatcher's BTF type id, or why there is none: looked up once per process (the kernel's BTF is
     * megabytes to scan), by the first thread to ask (see {@link ProfilePrefetch}).
     */
    private static final class Dispatcher {
        static final Object ID_OR_FAILURE = lookup();

        private static Object lookup() {
            try {
                OptionalInt id = KernelBtf.funcId(DISPATCHER);
                if (id.isEmpty()) {
                    return new IOException("no function " + DISPATCHER + " in the kernel's BTF (a kernel before 6.9)");
                }
                return id.getAsInt();
            } catch (IOException e) {
                return e;
            }
        }

        static int id() throws IOException {
            if (ID_OR_FAILURE instanceof IOException e) {
                throw new IOException(e.getMessage(), e);
            }
            return (Integer) ID_OR_FAILURE;
        }
    }

    /** Looks the dispatcher's BTF id up now, so that a later {@link #load} finds it. */
    static void prefetchDispatcher() {
        java.util.Objects.requireNonNull(Dispatcher.ID_OR_FAILURE);
    }

    private static int loadFentry(BpfAsm program, String name) throws IOException {
        int id = Dispatcher.id();
        dev.syscost.StartupTrace.mark("fentry: btf");
        int fd;
        try (Arena a = Arena.ofConfined()) {
            fd = Bpf.progLoadFentry(program.encode(a), name, id);
        }
        try {
            Libc.close(Bpf.attachTracing(fd)); // the probe: a trampoline must attach here, not only load
        } catch (RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
        return fd;
    }

    /** Attaches (idempotent). */
    public synchronized void attach() {
        if (linkFd < 0) {
            linkFd = kind == Kind.FENTRY ? Bpf.attachTracing(progFd) : Bpf.rawTracepointOpen("sys_enter", progFd);
        }
    }

    /** Detaches: syscalls take their untraced path again. */
    public synchronized void detach() {
        if (linkFd >= 0) {
            Libc.close(linkFd);
            linkFd = -1;
        }
    }

    public Kind kind() {
        return kind;
    }

    /** Why fentry was not used, or null when it is. */
    public String fentryRefusal() {
        return fentryRefusal;
    }

    /** One line naming the hook, and why not fentry when it is not. */
    public String describe() {
        return kind.description() + (fentryRefusal == null ? "" : "; fentry: not used (" + fentryRefusal + ")");
    }

    @Override
    public synchronized void close() {
        detach();
        Libc.close(progFd);
    }

    private static String oneLine(String s) {
        return s == null ? "failed" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
