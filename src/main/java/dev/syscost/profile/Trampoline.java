package dev.syscost.profile;

import dev.syscost.sys.ProcFiles;
import dev.syscost.SyscostException;
import dev.syscost.sys.NativeException;
import dev.syscost.sys.Processes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a command stopped, so counting can be set up before it runs, and keeps a shell above it that
 * stops once more after the command exits, so its accounting can be read before anything is reaped.
 *
 * <p>The shell {@code sh -c 'trap : …; kill -STOP $$; "$@"; rc=$?; kill -STOP $$; exit $rc'} forks the
 * command (its stdio inherited untouched) and exits with its status (128+N when signal N killed it).
 * The shell's own syscalls are never counted: it is tracked "armed", counted only after an exec, and
 * only its forked child execs. The traps are handlers, not "ignore", so the command starts with the
 * default dispositions while the shell survives a terminal's Ctrl-C to wait for it.
 */
public final class Trampoline implements AutoCloseable {
    static final String SCRIPT = "trap : INT TERM HUP QUIT; kill -STOP $$; \"$@\"; rc=$?; kill -STOP $$; exit $rc";

    private final Process shell;
    private final int pid;

    private Trampoline(Process shell) {
        this.shell = shell;
        this.pid = (int) shell.pid();
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

    /** Starts {@code command} through the trampoline and waits until the shell has stopped itself. */
    public static Trampoline start(List<String> command) {
        return start(command, java.util.Map.of());
    }

    /** Starts {@code command} with {@code env} added to (or replacing entries of) syscost's own environment. */
    public static Trampoline start(List<String> command, java.util.Map<String, String> env) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "syscost-profile"));
        argv.add(resolve(command.get(0)).toString());
        argv.addAll(command.subList(1, command.size()));
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
            pb.environment().putAll(env);
            p = pb.start();
        } catch (IOException e) {
            throw new SyscostException("cannot start /bin/sh: " + e.getMessage(), e);
        }
        Trampoline t = new Trampoline(p);
        if (!t.awaitStop()) {
            throw new SyscostException("the launcher shell exited before the command started (status "
                    + t.waitFor() + ")");
        }
        return t;
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

    /** Blocks until the shell stops (true) or exits (false). */
    public boolean awaitStop() {
        return Processes.waitStoppedOrExited(pid).stopped();
    }

    /** Lets the stopped shell go on. */
    public void resume() {
        try {
            Processes.kill(pid, Processes.SIGCONT);
        } catch (NativeException e) {
            // already gone: waitFor reports how it ended
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

    /** Kills the shell and its command if they are still running (on an error path). */
    @Override
    public void close() {
        if (shell.isAlive()) {
            signalCommand(Processes.SIGKILL);
            shell.destroyForcibly();
            resume();
            waitFor();
        }
    }
}
