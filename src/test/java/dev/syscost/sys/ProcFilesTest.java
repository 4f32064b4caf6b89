package dev.syscost.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcFilesTest {
    @Test
    void shouldReadProcSysFilesWhole() throws Exception {
        Path pidMax = Path.of("/proc/sys/kernel/pid_max");
        String expected = Files.readAllLines(pidMax).get(0);
        assertThat(ProcFiles.read(pidMax).strip()).isEqualTo(expected);
        assertThat(Integer.parseInt(expected)).isGreaterThanOrEqualTo(301);
        assertThat(PerfEvents.paranoid()).isEqualTo(Files.readAllLines(Path.of("/proc/sys/kernel/perf_event_paranoid")).get(0).strip());
    }
}
