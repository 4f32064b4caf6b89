package dev.syscost.batch.amortize;

import dev.syscost.InvalidSettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The run's private temp directory (for the page-cache file): removed on close, and by a shutdown
 * hook if the JVM is stopped first (Ctrl-C, SIGTERM), so nothing is left behind either way.
 */
public final class ScratchDir implements AutoCloseable {
    /** Names of the directories this class creates, so tests can look for leftovers. */
    public static final String PREFIX = "syscost-amortize-";

    private final Path path;
    private final Thread hook;

    private ScratchDir(Path path) {
        this.path = path;
        this.hook = new Thread(this::delete, PREFIX + "cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Creates a fresh directory in {@code tmpdir}; an {@link InvalidSettingException} naming the fix if it cannot. */
    public static ScratchDir create(Path tmpdir) {
        if (!Files.isDirectory(tmpdir)) {
            throw new InvalidSettingException("tmpdir", tmpdir + " is not a directory; pass an existing writable directory", null);
        }
        try {
            return new ScratchDir(Files.createTempDirectory(tmpdir, PREFIX));
        } catch (IOException | SecurityException e) {
            throw new InvalidSettingException("tmpdir", tmpdir + " is not writable (" + e.getClass().getSimpleName()
                    + "); pass a writable directory,", null, "/tmp");
        }
    }

    public Path path() {
        return path;
    }

    private void delete() {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // already gone, or removed by the other of close() and the hook
        }
    }

    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) anyway
        }
    }
}
