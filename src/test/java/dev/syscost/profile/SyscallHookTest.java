package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.syscost.sys.Btf;
import dev.syscost.sys.Libc;
import dev.syscost.sys.NativeException;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The hook probe: fentry where the kernel allows trampolines, else the raw tracepoint, and which one is said. */
class SyscallHookTest {
    private static SyscallHook floorOrSkip() {
        try {
            return SyscallHook.floor();
        } catch (NativeException e) {
            assumeTrue(false, "bpf not permitted here: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void shouldFindTheSyscallDispatcherInTheKernelsBtf() throws IOException {
        assumeTrue(Files.isReadable(Btf.VMLINUX), "no kernel BTF at " + Btf.VMLINUX);
        assumeTrue(Files.readString(java.nio.file.Path.of("/proc/kallsyms")).contains(" x64_sys_call\n"),
                "a kernel before 6.9: no x64_sys_call");
        assertThat(Btf.funcId(Btf.VMLINUX, SyscallHook.DISPATCHER)).isPresent();
        assertThat(Btf.funcId(Btf.VMLINUX, "no_such_function_syscost")).isEmpty();
    }

    @Test
    void shouldFindTaskStructPidInTheKernelsBtf() throws IOException {
        assumeTrue(Files.isReadable(Btf.VMLINUX), "no kernel BTF at " + Btf.VMLINUX);
        int pid = Btf.memberOffset(Btf.VMLINUX, "task_struct", "pid").orElseThrow();
        // pid_t pid; pid_t tgid; side by side, well inside the struct
        assertThat(pid).isPositive().isEqualTo(Btf.memberOffset(Btf.VMLINUX, "task_struct", "tgid").orElseThrow() - 4);
        assertThat(Btf.memberOffset(Btf.VMLINUX, "task_struct", "no_such_member_syscost")).isEmpty();
        assertThat(Btf.memberOffset(Btf.VMLINUX, "no_such_struct_syscost", "pid")).isEmpty();
    }

    @Test
    void shouldSayWhichHookAndWhyNotFentry() {
        try (SyscallHook h = floorOrSkip()) {
            h.attach();
            assertThat(Libc.getppid()).isPositive();
            if (h.kind() == SyscallHook.Kind.RAW_TP) {
                assertThat(h.fentryRefusal()).isNotBlank();
                assertThat(h.describe()).startsWith("raw tracepoint sys_enter").contains("fentry: not used (");
            } else {
                assertThat(h.fentryRefusal()).isNull();
                assertThat(h.describe()).startsWith("fentry on x64_sys_call");
            }
        }
    }

    @Test
    void shouldFallBackToTheRawTracepointWhenForced() {
        System.setProperty(SyscallHook.PROPERTY, "raw_tp");
        try (SyscallHook h = floorOrSkip()) {
            assumeTrue(System.getenv(SyscallHook.ENV) == null, SyscallHook.ENV + " set in the environment");
            assertThat(h.kind()).isEqualTo(SyscallHook.Kind.RAW_TP);
            assertThat(h.describe()).contains("fentry: not used (forced off by");
        } finally {
            System.clearProperty(SyscallHook.PROPERTY);
        }
    }
}
