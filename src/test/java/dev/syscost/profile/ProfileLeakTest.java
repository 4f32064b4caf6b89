package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many profiles in one JVM leave no file descriptor and no mapping behind. */
class ProfileLeakTest {
    @BeforeAll
    static void needBpf() {
        Workloads.assumeBpf();
    }

    @Test
    void shouldLeaveNoDescriptorsOrMappingsAfterManyProfiles() throws IOException {
        ProfileRun.Options options = new ProfileRun.Options(Backend.BPF, true, null);
        ProfileRun.run(List.of("/bin/true"), options); // first use loads classes and handles
        long fds = fds();
        long maps = mappings();
        for (int i = 0; i < 25; i++) {
            ProfileRun.run(List.of("/bin/true"), options);
            try (SyscallProfiler p = SyscallProfiler.open()) {
                p.trackThread(1);
                p.snapshot();
            }
        }
        assertThat(fds()).isEqualTo(fds);
        assertThat(kernelObjectFds()).isZero();
        // the JVM itself maps and unmaps (JIT, heap); a leak would add ≥ 25 mappings here
        assertThat(mappings()).isLessThan(maps + 25);
    }

    private static long fds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    private static long kernelObjectFds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.map(p -> {
                try {
                    return Files.readSymbolicLink(p).toString();
                } catch (IOException e) {
                    return "";
                }
            }).filter(t -> t.contains("bpf") || t.contains("perf_event")).count();
        }
    }

    private static long mappings() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).size();
    }
}
