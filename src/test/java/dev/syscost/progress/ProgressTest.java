package dev.syscost.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.sys.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::get);

    private String drawn() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldDrawOneStatusLineAndRedrawItInPlace() {
        progress.step(3, 11, "getppid", "trial 7/15");
        assertThat(drawn()).isEqualTo("\r[3/11] getppid: trial 7/15");
        clock.addAndGet(Progress.MIN_REDRAW_NS);
        progress.step(4, 11, "fstat", "warm-up");
        // The shorter line is padded so nothing of the longer one stays on screen; no newline ever.
        assertThat(drawn()).endsWith("\r[4/11] fstat: warm-up" + " ".repeat(5)).doesNotContain("\n");
    }

    @Test
    void shouldRedrawAtMostTwentyTimesASecond() {
        progress.update("one");
        clock.addAndGet(Progress.MIN_REDRAW_NS / 2);
        progress.update("two");
        assertThat(drawn()).isEqualTo("\rone");
        clock.addAndGet(Progress.MIN_REDRAW_NS / 2);
        progress.update("three");
        assertThat(drawn()).endsWith("\rthree");
    }

    @Test
    void shouldEraseTheLineOnCloseAndCutLongLines() {
        progress.update("x".repeat(300));
        assertThat(drawn()).hasSize(1 + Progress.MAX_WIDTH);
        progress.close();
        assertThat(drawn()).endsWith("\r" + " ".repeat(Progress.MAX_WIDTH) + "\r");
        progress.close();
        assertThat(drawn()).hasSize(2 + 2 * Progress.MAX_WIDTH + 1);
    }

    @Test
    void shouldStaySilentWhenNotATerminal() {
        Progress.SILENT.step(1, 2, "a", "b");
        Progress.SILENT.close();
        // Under the test runner stderr is a pipe or a file, never a terminal.
        assertThat(Terminal.isTerminal(Terminal.STDERR)).isFalse();
        assertThat(Progress.forTerminal()).isSameAs(Progress.SILENT);
    }

    @Test
    void shouldDrawOnARealTerminalAndNotIntoAPipe() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script(1) absent: no pty to test with");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        String cmd = java + " --enable-native-access=ALL-UNNAMED -cp " + cp + " '" + ProgressDemo.class.getName() + "'";
        String onTerminal = runCapturing(List.of("/usr/bin/script", "-q", "-e", "-c", cmd, "/dev/null"));
        assertThat(onTerminal).contains("\r[1/3] demo: step 1", "done");
        String piped = runCapturing(List.of("/bin/sh", "-c", cmd));
        assertThat(piped).isEqualTo("done\n");
    }

    private static String runCapturing(List<String> command) throws Exception {
        Path out = Files.createTempFile("progress", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
            assertThat(p.exitValue()).as(Files.readString(out)).isZero();
            return Files.readString(out).replace("\r\n", "\n");
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Draws three steps with Progress.forTerminal(), then prints "done" on stdout. */
    public static final class ProgressDemo {
        public static void main(String[] args) throws InterruptedException {
            try (Progress p = Progress.forTerminal()) {
                for (int i = 1; i <= 3; i++) {
                    p.step(i, 3, "demo", "step " + i);
                    Thread.sleep(60);
                }
            }
            System.out.println("done");
        }
    }
}
