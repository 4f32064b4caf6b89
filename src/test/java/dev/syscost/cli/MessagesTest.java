package dev.syscost.cli;

import static dev.syscost.cli.CliTest.assertOneLineUsageError;
import static dev.syscost.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages that named the wrong fix, help text that warned or cut sentences, options accepted silently. */
class MessagesTest {
    @Test
    void shouldRenderEveryHelpWithoutPicocliFormatWarnings() {
        List<String> commands = new ArrayList<>(Main.SUBCOMMANDS.keySet().stream().filter(c -> !c.startsWith("__")).toList());
        commands.add("");
        PrintStream realErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String c : commands) {
                String[] args = c.isEmpty() ? new String[] {"--help"} : new String[] {c, "--help"};
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                assertThat(Main.run(args, new PrintWriter(out), new PrintWriter(err))).as(c).isZero();
                assertThat(err.toString() + out).as(c).doesNotContain("Could not format");
            }
        } finally {
            System.setErr(realErr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("Could not format", "picocli WARN");
    }

    @Test
    void shouldListEveryCommandWithAWholeSentenceInTheTopLevelHelp() {
        String help = run("--help").out();
        String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes"));
        // Each entry (a name, then its wrapped text) ends with a full stop, not mid-sentence.
        for (String entry : commands.split("\\n  (?=[a-z])")) {
            if (!entry.startsWith("Commands:") && !entry.startsWith("__")) {
                assertThat(entry.strip()).as(entry).endsWith(".");
            }
        }
        assertThat(help).doesNotContain("real\nsyscalls,\n");
    }

    @Test
    void shouldRefuseANegativePin() {
        assertOneLineUsageError(run("measure", "--pin", "-1"), "--pin must be between 0 and 1023: -1");
    }

    @Test
    void shouldNameWhyAScratchDirectoryTakesNoFilesAndExit2() {
        assertOneLineUsageError(run("ipc", "--temp-dir", "/proc"), "--tmpdir /proc: cannot create a file there", "proc pseudo-filesystem");
        assertOneLineUsageError(run("amortize", "--tmpdir", "/proc"), "--tmpdir /proc: cannot create a file there");
    }
}
