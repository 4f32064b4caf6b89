package dev.syscost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ./syscost launcher's own failure path: no JDK 25 anywhere it looks. */
class LauncherTest {
    @Test
    void shouldSayInOneLineWhatToInstallWhenNoJdk25IsFound() throws Exception {
        Path launcher = Path.of("syscost").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "--version").redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.put("PATH", "/usr/bin:/bin");
        env.put("SYSCOST_JDK_DIRS", "/nonexistent");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertThat(code).isEqualTo(1);
        assertThat(out.strip().lines()).hasSize(1);
        assertThat(out).contains("no JDK 25 or newer found", "install");
    }
}
