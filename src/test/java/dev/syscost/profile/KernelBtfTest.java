package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.syscost.sys.Btf;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The BTF answers kept between runs are the BTF's own, and are keyed by this kernel's build. */
class KernelBtfTest {
    @Test
    void shouldAnswerWhatTheKernelsBtfSays() throws IOException {
        assumeTrue(Files.isReadable(Btf.VMLINUX), "no kernel BTF at " + Btf.VMLINUX);
        Btf btf = Btf.read(Btf.VMLINUX);
        // asked twice: the first answer may come from the file, the second from this process's copy
        for (int i = 0; i < 2; i++) {
            assertThat(KernelBtf.funcId(SyscallHook.DISPATCHER)).isEqualTo(btf.funcId(SyscallHook.DISPATCHER));
            assertThat(KernelBtf.memberOffset("task_struct", "pid")).isEqualTo(btf.memberOffset("task_struct", "pid"));
        }
    }

    @Test
    void shouldKeyTheAnswersByThisKernelsBuild() throws IOException {
        assumeTrue(Files.isReadable(Btf.VMLINUX) && Files.isReadable(java.nio.file.Path.of("/sys/kernel/notes")),
                "no kernel BTF or build id to key by");
        String release = Files.readString(java.nio.file.Path.of("/proc/sys/kernel/osrelease")).strip();
        assertThat(KernelBtf.kernelKey()).startsWith(release + " notes ").endsWith(" btf " + Files.size(Btf.VMLINUX));
    }
}
