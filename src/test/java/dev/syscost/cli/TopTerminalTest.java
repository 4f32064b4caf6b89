package dev.syscost.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.syscost.profile.Calibration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live view under a real pseudo-terminal (util-linux {@code script}): the terminal is put back after SIGTERM. */
class TopTerminalTest {
    @Test
    void shouldRestoreTheTerminalAfterSigterm(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script(1) not installed: no pseudo-terminal to test in");
        TopCommandTest.assumeBpf();
        Path cache = dir.resolve("cache");
        System.setProperty(Calibration.CACHE_DIR_PROPERTY, cache.toString());
        try {
            Calibration.forThisMachine("test seed", 10, Map.of("invalid_syscall", 100.0)).save(Calibration.cacheFile());
        } finally {
            System.clearProperty(Calibration.CACHE_DIR_PROPERTY);
        }
        List<String> java = new java.util.ArrayList<>(dev.syscost.profile.Workloads.java());
        java.add(1, "-D" + Calibration.CACHE_DIR_PROPERTY + "=" + cache);
        String top = java.stream().map(TopTerminalTest::quote).collect(Collectors.joining(" ")) + " top --interval 200ms";
        // inside the pty: save the settings, start top on the terminal, wait until it has changed them,
        // SIGTERM it, and save them again
        Files.writeString(dir.resolve("run.sh"), String.join("\n",
                "cd " + quote(dir.toString()),
                "stty -g > before",
                top + " < /dev/tty > /dev/tty 2> err &",
                "pid=$!",
                "i=0; while [ \"$(stty -g)\" = \"$(cat before)\" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done",
                "stty -g > during",
                "sleep 1",
                "kill -TERM $pid; wait $pid; echo $? > rc",
                "stty -g > after", ""));
        Process script = new ProcessBuilder("script", "-qfc", "sh " + dir.resolve("run.sh"), "/dev/null")
                .redirectOutput(dir.resolve("script.out").toFile()).redirectErrorStream(true).start();
        try {
            assertThat(script.waitFor(120, TimeUnit.SECONDS)).as("script finished").isTrue();
        } finally {
            script.destroyForcibly();
        }
        String before = read(dir.resolve("before"));
        assertThat(read(dir.resolve("during"))).as("top put the terminal in key-at-a-time mode; stderr: %s",
                read(dir.resolve("err"))).isNotEqualTo(before);
        assertThat(read(dir.resolve("rc"))).isEqualTo("143"); // 128 + SIGTERM: the JVM's shutdown hooks ran
        assertThat(read(dir.resolve("after"))).isEqualTo(before);
        String screen = read(dir.resolve("script.out")); // what the terminal was sent
        assertThat(screen).contains("\033[?1049h").endsWith("\033[?25h\033[?1049l"); // alternate screen left, cursor shown
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p).strip() : "(missing " + p.getFileName() + ")";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
