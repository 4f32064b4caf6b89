package dev.syscost.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemoryLayout.PathElement;
import org.junit.jupiter.api.Test;

class SysBindingsTest {
    @Test
    void shouldNameErrnoValuesFromTheUapiTable() {
        assertThat(Errno.name(38)).isEqualTo("ENOSYS");
        assertThat(Errno.description(38)).isEqualTo("Invalid system call number");
        assertThat(Errno.name(11)).isEqualTo("EAGAIN");
        assertThat(Errno.name(9999)).isEqualTo("errno 9999");
    }

    @Test
    void shouldCarryErrnoNameAndHintInAFailedCall() {
        assertThatThrownBy(() -> Libc.openChecked("/nonexistent/syscost", Libc.O_RDONLY, 0))
                .isInstanceOfSatisfying(NativeException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ENOENT);
                    assertThat(e.errnoName()).isEqualTo("ENOENT");
                    assertThat(e.getMessage()).contains("open(/nonexistent/syscost)", "ENOENT", "No such file or directory");
                });
        NativeException e = new NativeException("perf_event_open", Errno.EACCES, PerfEvents.hintFor(Errno.EACCES));
        assertThat(e.getMessage()).contains("EACCES", "perf_event_paranoid", "run as root");
    }

    @Test
    void shouldReturnEnosysForAnUnusedSyscallNumber() {
        long nr = SyscallTable.x86_64().maxNumber() + 512;
        assertThatThrownBy(() -> Libc.syscallChecked("syscall", null, nr, 0, 0, 0, 0, 0, 0))
                .isInstanceOfSatisfying(NativeException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOSYS));
    }

    @Test
    void shouldMapSyscallNamesAndNumbersFromTheGeneratedTable() {
        SyscallTable t = SyscallTable.x86_64();
        assertThat(t.number("read")).isZero();
        assertThat(t.number("getppid")).isEqualTo(110);
        assertThat(t.name(39)).isEqualTo("getpid");
        assertThat(t.name(100_000)).isEqualTo("syscall_100000");
        assertThat(t.size()).isGreaterThan(300);
        assertThat(t.source()).contains("unistd_64.h");
        assertThatThrownBy(() -> t.number("no_such_call")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMatchPerfEventAttrOffsetsOfTheUapiHeader() {
        // Offsets of struct perf_event_attr in include/uapi/linux/perf_event.h (PERF_ATTR_SIZE_VER8).
        assertThat(PerfEventAttr.LAYOUT.byteSize()).isEqualTo(136);
        assertThat(offset("config")).isEqualTo(8);
        assertThat(offset("sample_period")).isEqualTo(16);
        assertThat(offset("sample_type")).isEqualTo(24);
        assertThat(offset("read_format")).isEqualTo(32);
        assertThat(offset("flags")).isEqualTo(40);
        assertThat(offset("wakeup_events")).isEqualTo(48);
        assertThat(offset("config1")).isEqualTo(56);
        assertThat(offset("branch_sample_type")).isEqualTo(72);
        assertThat(offset("sample_stack_user")).isEqualTo(88);
        assertThat(offset("clockid")).isEqualTo(92);
        assertThat(offset("sample_regs_intr")).isEqualTo(96);
        assertThat(offset("aux_watermark")).isEqualTo(104);
        assertThat(offset("sample_max_stack")).isEqualTo(108);
        assertThat(offset("aux_sample_size")).isEqualTo(112);
        assertThat(offset("sig_data")).isEqualTo(120);
        assertThat(offset("config3")).isEqualTo(128);
    }

    @Test
    void shouldRefuseEveryPerfEventWhenForcedOff() {
        System.setProperty(PerfEvents.DISABLE_PROPERTY, "true");
        try {
            assertThatThrownBy(SyscallCounter::forCurrentThread)
                    .isInstanceOfSatisfying(NativeException.class, e -> assertThat(e.hint()).contains(PerfEvents.DISABLE_PROPERTY));
        } finally {
            System.clearProperty(PerfEvents.DISABLE_PROPERTY);
        }
    }

    @Test
    void shouldPipeBytesThroughAndRestoreAffinity() {
        int[] fds = Libc.pipe(Libc.O_CLOEXEC);
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            var buf = arena.allocateFrom("x");
            assertThat(Libc.writeChecked(fds[1], buf, 1)).isEqualTo(1);
            var in = arena.allocate(1);
            assertThat(Libc.readChecked(fds[0], in, 1)).isEqualTo(1);
            assertThat(in.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0)).isEqualTo((byte) 'x');
        } finally {
            Libc.closeChecked(fds[0]);
            Libc.closeChecked(fds[1]);
        }
        java.util.BitSet saved = Libc.affinity(0);
        int cpu = saved.nextSetBit(0);
        Libc.pinToCpu(0, cpu);
        assertThat(Libc.affinity(0).cardinality()).isEqualTo(1);
        Libc.setAffinity(0, saved);
        assertThat(Libc.affinity(0)).isEqualTo(saved);
    }

    private static long offset(String field) {
        return PerfEventAttr.LAYOUT.byteOffset(PathElement.groupElement(field));
    }
}
