package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.syscost.sys.Bpf;
import dev.syscost.sys.BpfVerifierException;
import dev.syscost.sys.NativeException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BpfAsmTest {
    private static String hex(BpfAsm a) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = a.encode(arena);
            return HexFormat.of().formatHex(s.toArray(ValueLayout.JAVA_BYTE));
        }
    }

    @Test
    void shouldEncodeLikeTheKernelHeaders() {
        // r0 = 0 (BPF_ALU64|BPF_MOV|BPF_K = 0xb7); exit (BPF_JMP|BPF_EXIT = 0x95)
        assertThat(hex(new BpfAsm().movImm(BpfAsm.R0, 0).exit())).isEqualTo("b700000000000000" + "9500000000000000");
        // *(u32 *)(r10 - 4) = r0: BPF_STX|BPF_MEM|BPF_W = 0x63, dst r10, src r0, off -4
        assertThat(hex(new BpfAsm().store(BpfAsm.W, BpfAsm.R10, -4, BpfAsm.R0))).isEqualTo("630afcff00000000");
    }

    @Test
    void shouldLoadAMapFdAsTwoSlotsMarkedPseudo() {
        assertThat(hex(new BpfAsm().loadMapFd(BpfAsm.R1, 7))).isEqualTo("1811000007000000" + "0000000000000000");
    }

    @Test
    void shouldResolveJumpsRelativeToTheNextInstruction() {
        BpfAsm a = new BpfAsm().jumpImm(BpfAsm.JEQ, BpfAsm.R0, 0, "out").movImm(BpfAsm.R0, 1).movImm(BpfAsm.R0, 2)
                .label("out").exit();
        assertThat(a.resolved().get(0).off()).isEqualTo(2);
        assertThatThrownBy(() -> new BpfAsm().jumpImm(BpfAsm.JA, 0, 0, "nowhere").resolved())
                .hasMessageContaining("nowhere");
    }

    @Test
    void shouldReadFieldOffsetsFromTheTracepointFormat() throws IOException {
        String format = "\tfield:pid_t parent_pid;\toffset:12;\tsize:4;\tsigned:1;\n"
                + "\tfield:pid_t child_pid;\toffset:20;\tsize:4;\tsigned:1;\n";
        assertThat(CountingPrograms.fieldOffset(format, "parent_pid")).isEqualTo(12);
        assertThat(CountingPrograms.fieldOffset(format, "child_pid")).isEqualTo(20);
        assertThatThrownBy(() -> CountingPrograms.fieldOffset(format, "pid")).isInstanceOf(IOException.class);
    }

    @Test
    void shouldShowTheVerifiersReasonWhenAProgramIsRejected() {
        Workloads.assumeBpf();
        // returns without setting r0: the verifier must refuse it
        BpfAsm bad = new BpfAsm().exit();
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> Bpf.progLoad(Bpf.PROG_TYPE_RAW_TRACEPOINT, bad.encode(arena), "syscost_bad"))
                    .isInstanceOf(BpfVerifierException.class)
                    .hasMessageContaining("R0 !read_ok")
                    .satisfies(e -> assertThat(((BpfVerifierException) e).log()).contains("processed"));
        } catch (NativeException e) {
            assumeTrue(false, e.getMessage());
        }
    }
}
