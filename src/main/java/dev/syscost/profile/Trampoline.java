package dev.syscost.profile;

import dev.syscost.sys.ProcFiles;
import dev.syscost.SyscostException;
import dev.syscost.sys.Fifo;
import dev.syscost.sys.Libc;
import dev.syscost.sys.NativeException;
import dev.syscost.sys.Processes;
import java.io.File;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a command held at a gate, so counting can be set up before it runs, and keeps a shell above it
 * that waits at the gate once more after the command exits, so its accounting can be read before
 * anything is reaped.
 *
 * <p>The gate is a pair of FIFOs, not a stop signal: the shell says "ready"/"done" on one and blocks
 * reading the other until syscost writes a line. A stop-based handshake could not tell its own stop from
 * a Ctrl-Z (SIGTSTP/SIGSTOP to the process group), so job control cut the counts short and then hung; and
 * a syscost killed by SIGKILL or SIGHUP left the shell stopped forever, holding the command's stdout. Here
 * job control stops and continues everything alike, and when syscost dies its end of the gate closes, the
 * shell reads end-of-file and goes on (before the command: it exits without running it; after: it exits
 * with the command's status). Nothing is left stopped.
 *
 * <p>The shell forks the command (its stdio inherited untouched, the gate's descriptors closed) and exits
 * with its status (128+N when signal N killed it). Its own syscalls are never counted: it is tracked
 * "armed", counted only after an exec, and only its forked child execs. The traps are handlers, not
 * "ignore", so the command starts with the default dispositions while the shell survives a terminal's
 * Ctrl-C or hang-up to wait for it.
 */
public final class Trampoline implements AutoCloseable {
    static final String SCRIPT = "exec 3<\"$1\" 4>\"$2\"; shift 2; trap : INT TERM HUP QUIT; "
            + "echo ready >&4; read -r _ <&3 || exit 125; "
            + "\"$@\" 3<&- 4>&-; rc=$?; echo done >&4; read -r _ <&3; exit $rc";

    /**
     * The shell's own I/O inside the counted window, which /proc/PID/io adds to the command's: reading
     * "go\n" (a shell reads a pipe one byte at a time, so as not to consume past the newline) and writing
     * "done\n" once.
     */
    static final ProcStats GATE_IO = new ProcStats(3, 1, 3, 5, 0, 0, 0, 0, 0, 0);

    private final Process shell;
    private final int pid;
    private final Path gateDir;
    private final int goFd;
    private final int doneFd;
    private boolean closed;

    private Trampoline(Process shell, Path gateDir, int goFd, int doneFd) {
        this.shell = shell;
        this.pid = (int) shell.pid();
        this.gateDir = gateDir;
        this.goFd = goFd;
        this.doneFd = doneFd;
    }

    /** The command not found (127) or not executable (126), as a shell reports it. */
    public static final class CommandException extends SyscostException {
        private static final long serialVersionUID = 1L;
        private final int exitStatus;

        CommandException(String message, int exitStatus) {
            super(message);
            this.exitStatus = exitStatus;
        }

        public int exitStatus() {
            return exitStatus;
        }
    }

    /** Starts {@code command} through the trampoline and waits until the shell is at the gate. */
    public static Trampoline start(List<String> command) {
        return start(command, java.util.Map.of());
    }

    /** Starts {@code command} with {@code env} added to (or replacing entries of) syscost's own environment. */
    public static Trampoline start(List<String> command, java.util.Map<String, String> env) {
        return spawn(command, env).ready();
    }

    /**
     * Starts the shell and returns at once, before it reaches the gate: the shell starts up (an exec or
     * two, tens of milliseconds) while the caller does other work, then {@link #ready()}. Close it if the
     * caller gives up before that.
     */
    public static Trampoline spawn(List<String> command, java.util.Map<String, String> env) {
        Path dir;
        int go;
        int done;
        try {
            dir = createGateDir();
        } catch (IOException e) {
            throw new SyscostException("cannot create the launcher's gate in " + System.getProperty("java.io.tmpdir")
                    + ": " + e.getMessage() + "; point TMPDIR (java.io.tmpdir) at a writable directory", e);
        }
        Path goPath = dir.resolve("go");
        Path donePath = dir.resolve("done");
        Fifo.create(goPath.toString(), 0600);
        Fifo.create(donePath.toString(), 0600);
        // O_RDWR: opening never blocks, and syscost holds a writer of "go" until it exits or dies.
        go = Libc.openChecked(goPath.toString(), Libc.O_RDWR | Libc.O_CLOEXEC, 0);
        done = Libc.openChecked(donePath.toString(), Libc.O_RDWR | Libc.O_CLOEXEC, 0);
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "syscost-profile",
                goPath.toString(), donePath.toString()));
        Process p;
        try {
            argv.add(resolve(command.get(0)).toString());
            argv.addAll(command.subList(1, command.size()));
            ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
            pb.environment().putAll(env);
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            Libc.close(go);
            Libc.close(done);
            deleteGate(dir);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new SyscostException("cannot start /bin/sh: " + e.getMessage(), e);
        }
        Trampoline t = new Trampoline(p, dir, go, done);
        // A shell that dies at any point still wakes the reader of "done".
        p.onExit().thenRun(t::wakeReader);
        return t;
    }

    /** Waits until the shell {@link #spawn spawned} is at the gate, and returns this. */
    public Trampoline ready() {
        if (!awaitGate()) {
            int status = waitFor();
            closeGate();
            throw new SyscostException("the launcher shell exited before the command started (status " + status + ")");
        }
        deleteGate(gateDir); // both ends are open on both sides now: nothing needs the names
        return this;
    }

    /**
     * A new directory in java.io.tmpdir that only this user may enter. Named as Files.createTempDirectory
     * names its own but without its SecureRandom (whose start costs a profile ~5 ms): mkdir is atomic and
     * never follows a link, so a name someone else took first is skipped, never shared.
     */
    private static Path createGateDir() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        java.nio.file.attribute.FileAttribute<?> ownerOnly = java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        long seed = System.nanoTime() ^ (ProcessHandle.current().pid() << 40);
        for (int i = 0; ; i++) {
            Path dir = tmp.resolve("syscost-gate" + Long.toUnsignedString(seed + i * 0x9E3779B97F4A7C15L, 36));
            try {
                return Files.createDirectory(dir, ownerOnly);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (i == 99) {
                    throw e;
                }
            }
        }
    }

    /**
     * The executable a shell would run: a name with a slash as is, otherwise the first match on PATH.
     * Resolving here also keeps the shell from running a builtin of the same name in place of the program.
     */
    public static Path resolve(String name) {
        if (name.isEmpty()) {
            throw new CommandException("empty command name; give a program after --", 127);
        }
        Optional<Path> found;
        if (name.contains("/")) {
            found = Optional.of(Path.of(name)).filter(Files::exists);
        } else {
            String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
            found = java.util.Arrays.stream(path.split(File.pathSeparator))
                    .map(dir -> Path.of(dir.isEmpty() ? "." : dir, name))
                    .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                    .findFirst()
                    .or(() -> java.util.Arrays.stream(path.split(File.pathSeparator))
                            .map(dir -> Path.of(dir.isEmpty() ? "." : dir, name)).filter(Files::exists).findFirst());
        }
        Path p = found.orElseThrow(() -> new CommandException(name + ": command not found"
                + (name.contains("/") ? "" : " on PATH") + "; check the name, or give its full path", 127));
        if (Files.isDirectory(p)) {
            throw new CommandException(p + ": is a directory; give a program", 126);
        }
        if (!Files.isExecutable(p)) {
            throw new CommandException(p + ": permission denied (not executable); `chmod +x " + p + "`", 126);
        }
        return p.toAbsolutePath();
    }

    /** The shell's pid: the parent of the command, tracked so that everything it starts is followed. */
    public int pid() {
        return pid;
    }

    /**
     * Blocks until the shell waits at the gate (true: before the command, or after it with its accounting
     * in place) or has exited (false). Job control stops and continues this wait like everything else.
     */
    public boolean awaitGate() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(64);
            StringBuilder line = new StringBuilder();
            while (true) {
                long n = Libc.readChecked(doneFd, buf, 1);
                if (n <= 0) {
                    return false;
                }
                char c = (char) buf.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0);
                if (c == '\n') {
                    String word = line.toString();
                    return (word.equals("ready") || word.equals("done")) && shell.isAlive();
                }
                line.append(c);
            }
        } catch (NativeException e) {
            return false;
        }
    }

    /** Lets the shell waiting at the gate go on. */
    public void resume() {
        synchronized (this) {
            if (closed) {
                return;
            }
            try (Arena arena = Arena.ofConfined()) {
                Libc.writeChecked(goFd, arena.allocateFrom("go\n"), 3);
            } catch (NativeException e) {
                // the shell is gone: waitFor reports how it ended
            }
        }
    }

    private void wakeReader() {
        synchronized (this) {
            if (!closed) {
                try (Arena arena = Arena.ofConfined()) {
                    Libc.writeChecked(doneFd, arena.allocateFrom("gone\n"), 5);
                } catch (NativeException e) {
                    // nothing waits
                }
            }
        }
    }

    private synchronized void closeGate() {
        if (!closed) {
            closed = true;
            Libc.close(goFd);
            Libc.close(doneFd);
        }
    }

    private static void deleteGate(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("go"));
            Files.deleteIfExists(dir.resolve("done"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover empty directory in the temp dir is harmless
        }
    }

    /** The command's pids now (the shell's children). */
    public List<Integer> commandPids() {
        List<Integer> out = new ArrayList<>();
        try {
            String text = ProcFiles.read(Path.of("/proc", Integer.toString(pid), "task", Integer.toString(pid), "children"));
            for (String s : text.strip().split("\\s+")) {
                if (!s.isEmpty()) {
                    out.add(Integer.parseInt(s));
                }
            }
        } catch (IOException e) {
            // the shell is gone
        }
        return out;
    }

    /** Sends {@code signal} to the command (not the shell, which waits for it). */
    public void signalCommand(int signal) {
        for (int child : commandPids()) {
            try {
                Processes.kill(child, signal);
            } catch (NativeException e) {
                // it exited meanwhile
            }
        }
    }

    /** The shell's exit status, which is the command's (128+N for signal N); waits through interrupts. */
    public int waitFor() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return shell.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Kills the shell and its command if they are still running (on an error path), and closes the gate. */
    @Override
    public void close() {
        if (shell.isAlive()) {
            signalCommand(Processes.SIGKILL);
            shell.destroyForcibly();
            waitFor();
        }
        closeGate();
        deleteGate(gateDir);
    }
}
