package dev.syscost.profile.stacks;

import dev.syscost.sys.ProcFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Snapshots {@code /proc/PID/maps} of a process tree every {@link #PERIOD_MS} ms while it runs (every
 * {@link #EARLY_PERIOD_MS} ms in the first {@link #EARLY_MS} ms), so that a command's addresses still
 * resolve after it exited (run mode reads the stacks only then). A process that lives shorter than one
 * period, or while this thread waits for a CPU, is never seen: its frames show as {@code [exited]}.
 */
public final class MapsWatcher implements AutoCloseable {
    static final long PERIOD_MS = 50;
    /** The first seconds poll faster: a short command's maps must be caught before it exits. */
    static final long EARLY_PERIOD_MS = 5;
    static final long EARLY_MS = 2000;

    private final int root;
    private final Symbolizer symbolizer;
    private final Map<Integer, String> last = new HashMap<>();
    private final Thread thread;
    private volatile boolean stop;

    private MapsWatcher(int root, Symbolizer symbolizer) {
        this.root = root;
        this.symbolizer = symbolizer;
        this.thread = Thread.ofPlatform().daemon().name("syscost-maps").unstarted(this::loop);
    }

    /** Starts watching {@code root} and every descendant. */
    public static MapsWatcher start(int root, Symbolizer symbolizer) {
        MapsWatcher w = new MapsWatcher(root, symbolizer);
        w.snapshot();
        w.thread.start();
        return w;
    }

    private void loop() {
        long start = System.nanoTime();
        while (!stop) {
            try {
                Thread.sleep((System.nanoTime() - start) / 1_000_000 < EARLY_MS ? EARLY_PERIOD_MS : PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            snapshot();
        }
    }

    /** Reads the maps of every process in the tree now (also callable while the thread runs). */
    public synchronized void snapshot() {
        for (int pid : tree(root)) {
            try {
                String text = ProcFiles.read(Path.of("/proc", Integer.toString(pid), "maps"));
                if (!text.isEmpty() && !text.equals(last.get(pid))) {
                    last.put(pid, text);
                    symbolizer.addMaps(pid, ProcMaps.parse(text));
                }
            } catch (IOException | RuntimeException e) {
                // it exited between the listing and the read: the last snapshot stands
            }
        }
    }

    /** The pids seen so far. */
    public synchronized Set<Integer> seen() {
        return Set.copyOf(last.keySet());
    }

    static Set<Integer> tree(int root) {
        Set<Integer> out = new LinkedHashSet<>();
        collect(root, out);
        return out;
    }

    private static void collect(int pid, Set<Integer> out) {
        if (!out.add(pid) || out.size() > 4096) {
            return;
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Integer.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String children;
                try {
                    children = ProcFiles.read(task.resolve("children")).strip();
                } catch (IOException e) {
                    continue;
                }
                for (String c : children.split("\\s+")) {
                    if (!c.isEmpty()) {
                        collect(Integer.parseInt(c), out);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
