package dev.syscost.cli;

import static dev.syscost.cli.CliTest.assertOneLineUsageError;
import static dev.syscost.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Output paths are checked for real before anything is measured, so a bad one costs a second, not a run. */
class OutputPathsTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRefuseAPathWhereNoFileCanBeCreatedBeforeMeasuring() {
        assertOneLineUsageError(run("measure", "--json", "/proc/x.json"),
                "--json /proc/x.json: cannot create a file in /proc", "proc pseudo-filesystem", "choose a directory");
        assertOneLineUsageError(run("profile", "--html", "/proc/x.html", "--", "true"),
                "--html /proc/x.html: cannot create a file in /proc");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRefuseTheSamePathForJsonAndHtmlBeforeMeasuring() throws Exception {
        String same = dir.resolve("r.out").toString();
        assertOneLineUsageError(run("measure", "--json", same, "--html", same), "--json and --html both name");
        assertOneLineUsageError(run("compare", "a.json", "b.json", "--json", same, "--html", dir + "/./r.out"),
                "--json and --html both name");
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temp files left behind").isEmpty();
        }
    }
}
