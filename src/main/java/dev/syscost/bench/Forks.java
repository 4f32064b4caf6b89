package dev.syscost.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.syscost.SyscostException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the ladder in fresh JVMs, one after another (never side by side: they would measure each other):
 * each a child {@code java} started with this JVM's binary, class path and flags (the launcher's
 * {@code --enable-native-access}, GC and {@code dontinline} flags among them) plus foreground compilation,
 * running {@link ForkMain}.
 * A fork reports its steps as lines on stdout and its result as JSON in a temporary file.
 */
final class Forks {
    /** The first word of a progress line a fork prints on stdout. */
    static final String STEP = "syscost-step";
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Forks() {}

    /** Runs {@code config.forks()} forks of {@code config.forOneFork()} and returns what each measured. */
    static List<Fork> run(MeasureConfig config, Harness.Steps steps) {
        List<Fork> forks = new ArrayList<>();
        for (int i = 1; i <= config.forks(); i++) {
            forks.add(runOne(config.forOneFork(), i, config.forks(), steps));
        }
        return forks;
    }

    private static Fork runOne(MeasureConfig oneFork, int index, int total, Harness.Steps steps) {
        Path dir = null;
        Process process = null;
        Thread killer = null;
        try {
            dir = Files.createTempDirectory("syscost-fork");
            Path result = dir.resolve("fork.json");
            Path stderr = dir.resolve("stderr.txt");
            List<String> command = command(MAPPER.writeValueAsString(oneFork), result);
            process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            Process child = process;
            killer = new Thread(child::destroyForcibly, "syscost-fork-killer");
            Runtime.getRuntime().addShutdownHook(killer); // Ctrl-C or SIGTERM to syscost ends its fork too
            relaySteps(child, index, total, steps);
            int exit = child.waitFor();
            if (exit != 0 || !Files.isRegularFile(result)) {
                throw new SyscostException("measure fork " + index + "/" + total + " (pid " + child.pid() + ") exited with "
                        + exit + lastLine(stderr) + "; rerun with --forks 1 to measure in this JVM");
            }
            return MAPPER.readValue(result.toFile(), Fork.class);
        } catch (IOException e) {
            throw new SyscostException("cannot run measure fork " + index + "/" + total + ": " + e.getMessage()
                    + "; rerun with --forks 1 to measure in this JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyscostException("interrupted while measure fork " + index + " ran");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (killer != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(killer);
                } catch (IllegalStateException e) {
                    // Already shutting down: the hook runs and ends the fork.
                }
            }
            deleteQuietly(dir);
        }
    }

    /** The child's command line: this JVM's java binary and flags, its class path, {@link ForkMain}. */
    static List<String> command(String configJson, Path result) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(childFlags(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        // Compile in the foreground: the warm-up then ends with compiled code even when a busy machine starves
        // the compiler threads (under load the downcall rung was timed half-interpreted, at 10-40x its cost).
        command.add("-XX:-BackgroundCompilation");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ForkMain.class.getName());
        command.add(configJson);
        command.add(result.toString());
        return command;
    }

    /**
     * This JVM's flags as a fork gets them. A debugger agent would make the child wait for a debugger on the
     * same port. A fork compiles with C2 whatever its parent does (the launcher starts `profile`, whose
     * calibration forks, with C1 alone for a quicker start). A fork never creates the launcher's class-data archive: it would race the parent writing
     * the same file, and where the file cannot be written the JVM fails at exit ("Unable to use shared
     * archive"), so the fork reads the archive if it exists and goes without one otherwise.
     */
    static List<String> childFlags(List<String> parentFlags) {
        List<String> flags = new ArrayList<>();
        for (String arg : parentFlags) {
            if (arg.startsWith("-agentlib:jdwp") || arg.startsWith("-Xrunjdwp") || arg.equals("-Xdebug")
                    || arg.equals("-XX:+AutoCreateSharedArchive") || arg.startsWith("-XX:TieredStopAtLevel=")) {
                continue;
            }
            if (arg.startsWith("-XX:SharedArchiveFile=")
                    && !Files.isReadable(Path.of(arg.substring("-XX:SharedArchiveFile=".length())))) {
                continue;
            }
            flags.add(arg);
        }
        return flags;
    }

    private static void relaySteps(Process child, int index, int total, Harness.Steps steps) throws IOException {
        child.getOutputStream(); // left open: the fork ends itself when it reads EOF (syscost died)
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", 5);
                if (f.length == 5 && f[0].equals(STEP)) {
                    try {
                        steps.step(Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], "fork " + index + "/" + total + ", " + f[4]);
                    } catch (NumberFormatException e) {
                        // A malformed status line only costs one redraw.
                    }
                }
            }
        }
    }

    private static String lastLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return ": " + lines.get(i).strip();
                }
            }
        } catch (IOException e) {
            // No stderr to quote.
        }
        return "";
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A leftover temp file is harmless.
        }
    }

    static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
