package dev.syscost.profile;

import dev.syscost.profile.stacks.MapsWatcher;
import dev.syscost.profile.stacks.PerfMap;
import dev.syscost.profile.stacks.Symbolizer;
import dev.syscost.sys.ProcFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code --stacks} profile: the stack program beside the counter, a watcher that keeps the target's
 * memory maps while it runs, and, at the end, the JVMs' perf maps and the resolved call sites.
 */
final class StackSession implements AutoCloseable {
    /** What a JVM needs for its Java frames to be walked (frame pointers) and named (the perf map at exit). */
    static final String JAVA_FLAGS = "-XX:+PreserveFramePointer -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit";

    private final StackProfiler stacks;
    private final Symbolizer symbols = new Symbolizer();
    private final MapsWatcher watcher;
    private final boolean runMode;
    private final List<String> notes = new ArrayList<>();

    private StackSession(SyscallProfiler counter, StackProfiler.Options options, int root, boolean runMode) {
        this.stacks = StackProfiler.attach(counter, options);
        this.runMode = runMode;
        MapsWatcher w;
        try {
            w = MapsWatcher.start(root, symbols);
        } catch (RuntimeException e) {
            stacks.close();
            throw e;
        }
        this.watcher = w;
    }

    static StackSession start(SyscallProfiler counter, StackProfiler.Options options, int root, boolean runMode) {
        return new StackSession(counter, options, root, runMode);
    }

    /** The environment run mode adds: the user's own JAVA_TOOL_OPTIONS first, then the flags. */
    static Map<String, String> javaEnvironment(String existing) {
        return Map.of("JAVA_TOOL_OPTIONS", existing == null || existing.isBlank() ? JAVA_FLAGS : existing + " " + JAVA_FLAGS);
    }

    /** Reads the counts and resolves them; run mode after the command exited, attach mode while it runs. */
    CallSites.Report finish() {
        watcher.snapshot();
        watcher.close();
        boolean anyJvm = false;
        for (int pid : watcher.seen()) {
            if (symbols.isJvm(pid)) {
                anyJvm = true;
                loadPerfMap(pid);
            }
        }
        StackProfiler.Snapshot snap = stacks.snapshot();
        CallSites.Report r = CallSites.build(snap, symbols, runMode && anyJvm ? JAVA_FLAGS : null, notes);
        if (r.summary().truncatedShare() >= 0.05) {
            String fix = anyJvm
                    ? (runMode ? "a JVM library or JNI code without frame pointers" : "restart the JVM with -XX:+PreserveFramePointer")
                    : "rebuild the program with -fno-omit-frame-pointer";
            List<String> all = new ArrayList<>(r.summary().notes());
            all.add(String.format(Locale.ROOT, "%.0f%% of the attributed calls' stacks stopped before the thread's first frame "
                    + "(frame pointers missing): %s", r.summary().truncatedShare() * 100, fix));
            var s = r.summary();
            r = new CallSites.Report(r.stacks(), new dev.syscost.profile.stacks.StackSummary(s.stackPeriod(), s.exact(),
                    s.callsWalked(), s.stackIdCollisions(), s.stackMapFull(), s.noUserStack(), s.siteMapFull(),
                    s.truncatedShare(), s.namedJavaShare(), s.javaToolOptions(), List.copyOf(all)));
        }
        return r;
    }

    private void loadPerfMap(int pid) {
        Path file = Path.of("/tmp", "perf-" + pid + ".map");
        if (!runMode) {
            String why = jcmdPerfMap(pid);
            if (why != null) {
                notes.add("JVM " + pid + ": `jcmd " + pid + " Compiler.perfmap` failed (" + why + "): Java frames shown as addresses in [anon]");
                return;
            }
        }
        try {
            symbols.setPerfMap(pid, PerfMap.parse(ProcFiles.read(file)));
            if (runMode) {
                Files.deleteIfExists(file); // written at our request by -XX:+DumpPerfMapAtExit
            }
        } catch (IOException e) {
            notes.add("JVM " + pid + ": no perf map " + file + " (" + e.getMessage() + "): Java frames shown as addresses in [anon]"
                    + (runMode ? "; a JVM killed by a signal does not write it" : ""));
        }
    }

    /** Asks a running JVM to write its perf map; null on success, else why not. */
    private static String jcmdPerfMap(int pid) {
        Path jcmd = jcmdFor(pid);
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Integer.toString(pid), "Compiler.perfmap")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "no answer in 15 s";
            }
            return p.exitValue() == 0 ? null : jcmd + " exited with status " + p.exitValue();
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The target JVM's own jcmd where it has one, else the one beside the JVM running syscost. */
    private static Path jcmdFor(int pid) {
        try {
            Path exe = Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "exe"));
            Path own = exe.resolveSibling("jcmd");
            if (Files.isExecutable(own)) {
                return own;
            }
        } catch (IOException | RuntimeException e) {
            // not ours to read: fall back
        }
        return Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    @Override
    public void close() {
        watcher.close();
        stacks.close();
    }
}
