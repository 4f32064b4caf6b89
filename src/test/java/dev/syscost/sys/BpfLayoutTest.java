package dev.syscost.sys;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.StructLayout;
import org.junit.jupiter.api.Test;

/** The bpf_attr layouts against include/uapi/linux/bpf.h (x86-64 offsets). */
class BpfLayoutTest {
    private static long off(StructLayout l, String field) {
        return l.byteOffset(groupElement(field));
    }

    @Test
    void shouldMatchTheUapiMapCreateLayout() {
        assertThat(off(Bpf.MAP_CREATE, "map_type")).isZero();
        assertThat(off(Bpf.MAP_CREATE, "max_entries")).isEqualTo(12);
        assertThat(off(Bpf.MAP_CREATE, "map_name")).isEqualTo(28);
        assertThat(off(Bpf.MAP_CREATE, "map_ifindex")).isEqualTo(44);
        assertThat(off(Bpf.MAP_CREATE, "btf_vmlinux_value_type_id")).isEqualTo(60);
        assertThat(off(Bpf.MAP_CREATE, "map_extra")).isEqualTo(64);
        assertThat(Bpf.MAP_CREATE.byteSize()).isEqualTo(72);
    }

    @Test
    void shouldMatchTheUapiMapElemLayout() {
        assertThat(off(Bpf.MAP_ELEM, "key")).isEqualTo(8);
        assertThat(off(Bpf.MAP_ELEM, "value")).isEqualTo(16);
        assertThat(off(Bpf.MAP_ELEM, "flags")).isEqualTo(24);
        assertThat(Bpf.MAP_ELEM.byteSize()).isEqualTo(32);
    }

    @Test
    void shouldMatchTheUapiProgLoadLayout() {
        assertThat(off(Bpf.PROG_LOAD, "insns")).isEqualTo(8);
        assertThat(off(Bpf.PROG_LOAD, "license")).isEqualTo(16);
        assertThat(off(Bpf.PROG_LOAD, "log_level")).isEqualTo(24);
        assertThat(off(Bpf.PROG_LOAD, "log_size")).isEqualTo(28);
        assertThat(off(Bpf.PROG_LOAD, "log_buf")).isEqualTo(32);
        assertThat(off(Bpf.PROG_LOAD, "kern_version")).isEqualTo(40);
        assertThat(off(Bpf.PROG_LOAD, "prog_name")).isEqualTo(48);
        assertThat(off(Bpf.PROG_LOAD, "prog_ifindex")).isEqualTo(64);
        assertThat(off(Bpf.PROG_LOAD, "expected_attach_type")).isEqualTo(68);
        assertThat(Bpf.PROG_LOAD.byteSize()).isEqualTo(72);
    }

    @Test
    void shouldMatchTheUapiBatchLayout() {
        assertThat(off(Bpf.BATCH, "keys")).isEqualTo(16);
        assertThat(off(Bpf.BATCH, "count")).isEqualTo(32);
        assertThat(off(Bpf.BATCH, "map_fd")).isEqualTo(36);
        assertThat(off(Bpf.BATCH, "flags")).isEqualTo(48);
        assertThat(Bpf.BATCH.byteSize()).isEqualTo(56);
    }

    @Test
    void shouldMatchTheUapiRawTracepointLayout() {
        assertThat(off(Bpf.RAW_TRACEPOINT, "prog_fd")).isEqualTo(8);
        assertThat(off(Bpf.RAW_TRACEPOINT, "cookie")).isEqualTo(16);
        assertThat(Bpf.RAW_TRACEPOINT.byteSize()).isEqualTo(24);
    }

    @Test
    void shouldMatchTheSiginfoOffsetsOfWaitid() {
        assertThat(Processes.SIGINFO_SIZE).isEqualTo(128);
        assertThat(Processes.SI_CODE_OFFSET).isEqualTo(8);
        assertThat(Processes.SI_STATUS_OFFSET).isEqualTo(24);
    }

    @Test
    void shouldParseCpuLists() {
        assertThat(CpuList.parse("0-3,5\n")).containsExactly(0, 1, 2, 3, 5);
        assertThat(CpuList.parse("0")).containsExactly(0);
    }

    @Test
    void shouldNameTheVerifiersReasonInOneLine() {
        String log = "func#0 @0\n0: R1=ctx() R10=fp0\n0: (61) r0 = *(u32 *)(r10 -4)\ninvalid read from stack off -4+0 size 4\n"
                + "processed 1 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n";
        assertThat(BpfVerifierException.firstRelevantLine(log)).isEqualTo("invalid read from stack off -4+0 size 4");
    }

    @Test
    void shouldLayOutTheTracingProgramLoadAsTheUapiDoes() {
        // include/uapi/linux/bpf.h, BPF_PROG_LOAD: prog_btf_fd at 72 … attach_btf_id at 108, attach_prog_fd at 112
        assertThat(off(Bpf.PROG_LOAD_BTF, "prog_btf_fd")).isEqualTo(72);
        assertThat(off(Bpf.PROG_LOAD_BTF, "func_info")).isEqualTo(80);
        assertThat(off(Bpf.PROG_LOAD_BTF, "line_info")).isEqualTo(96);
        assertThat(off(Bpf.PROG_LOAD_BTF, "attach_btf_id")).isEqualTo(108);
        assertThat(off(Bpf.PROG_LOAD_BTF, "attach_prog_fd")).isEqualTo(112);
        assertThat(Bpf.PROG_LOAD_BTF.byteSize()).isEqualTo(120);
    }
}
