package dev.syscost.profile;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny eBPF assembler: just the instructions the counting programs use, encoded as
 * {@code struct bpf_insn} (u8 code; u8 dst:4, src:4; s16 off; s32 imm), with labels for jumps.
 */
final class BpfAsm {
    static final int R0 = 0, R1 = 1, R2 = 2, R3 = 3, R4 = 4, R6 = 6, R7 = 7, R8 = 8, R10 = 10;

    // instruction classes, sizes, sources and operations from include/uapi/linux/bpf{,_common}.h
    static final int LD = 0x00, LDX = 0x01, ST = 0x02, STX = 0x03, ALU = 0x04, JMP = 0x05, ALU64 = 0x07;
    static final int W = 0x00, H = 0x08, B = 0x10, DW = 0x18;
    static final int IMM = 0x00, MEM = 0x60;
    static final int K = 0x00, X = 0x08;
    static final int ADD = 0x00, MOV = 0xb0;
    static final int JA = 0x00, JEQ = 0x10, JGT = 0x20, JNE = 0x50, CALL = 0x80, EXIT = 0x90;
    static final int PSEUDO_MAP_FD = 1;
    static final int RSH = 0x70;

    static final int FN_MAP_LOOKUP_ELEM = 1;
    static final int FN_MAP_UPDATE_ELEM = 2;
    static final int FN_MAP_DELETE_ELEM = 3;
    static final int FN_GET_CURRENT_PID_TGID = 14;
    static final int FN_PROBE_READ_KERNEL = 113;
    static final int FN_GET_CURRENT_COMM = 16;

    record Insn(int code, int dst, int src, int off, int imm) {}

    private final List<Insn> insns = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private final Map<Integer, String> fixups = new HashMap<>();

    /** {@code dst = imm} (64-bit). */
    BpfAsm movImm(int dst, int imm) {
        return add(ALU64 | MOV | K, dst, 0, 0, imm);
    }

    /** {@code dst = src} (64-bit). */
    BpfAsm mov(int dst, int src) {
        return add(ALU64 | MOV | X, dst, src, 0, 0);
    }

    /** {@code dst = (u32) src}: zero-extends the low 32 bits (a 32-bit argument's upper half is not defined). */
    BpfAsm mov32(int dst, int src) {
        return add(ALU | MOV | X, dst, src, 0, 0);
    }

    /** {@code dst += imm} (64-bit). */
    BpfAsm addImm(int dst, int imm) {
        return add(ALU64 | ADD | K, dst, 0, 0, imm);
    }

    /** {@code dst >>= imm} (64-bit, logical). */
    BpfAsm rshImm(int dst, int imm) {
        return add(ALU64 | RSH | K, dst, 0, 0, imm);
    }

    /** {@code dst += src} (64-bit). */
    BpfAsm addReg(int dst, int src) {
        return add(ALU64 | ADD | X, dst, src, 0, 0);
    }

    /** {@code dst = *(size *)(src + off)}. */
    BpfAsm load(int size, int dst, int src, int off) {
        return add(LDX | MEM | size, dst, src, off, 0);
    }

    /** {@code *(size *)(dst + off) = src}. */
    BpfAsm store(int size, int dst, int off, int src) {
        return add(STX | MEM | size, dst, src, off, 0);
    }

    /** {@code *(size *)(dst + off) = imm}. */
    BpfAsm storeImm(int size, int dst, int off, int imm) {
        return add(ST | MEM | size, dst, 0, off, imm);
    }

    /** {@code dst = map fd} as a 64-bit pseudo load (two instruction slots); the kernel swaps in the map. */
    BpfAsm loadMapFd(int dst, int mapFd) {
        add(LD | DW | IMM, dst, PSEUDO_MAP_FD, 0, mapFd);
        return add(0, 0, 0, 0, 0);
    }

    /**
     * {@code r0 = bpf_map_lookup_elem(map, fp + keyOffset)}, then to {@code missing} when the map has no such
     * key: the lookup every program here starts from (clobbers r1 and r2).
     */
    BpfAsm lookupOrJump(int mapFd, int keyOffset, String missing) {
        return mov(R2, R10).addImm(R2, keyOffset).loadMapFd(R1, mapFd).call(FN_MAP_LOOKUP_ELEM).jumpImm(JEQ, R0, 0, missing);
    }

    /** {@code if dst OP imm goto label} (unsigned, 64-bit). */
    BpfAsm jumpImm(int op, int dst, int imm, String label) {
        fixups.put(insns.size(), label);
        return add(JMP | op | K, dst, 0, 0, imm);
    }

    BpfAsm call(int helper) {
        return add(JMP | CALL, 0, 0, 0, helper);
    }

    BpfAsm exit() {
        return add(JMP | EXIT, 0, 0, 0, 0);
    }

    BpfAsm label(String name) {
        labels.put(name, insns.size());
        return this;
    }

    // --- appended for the stack program (StackPrograms) ---
    static final int JGE = 0x30, ATOMIC = 0xc0;
    static final int FN_GET_STACKID = 27;
    static final int FN_GET_PRANDOM_U32 = 7;
    static final int MOD = 0x90;

    /** {@code dst %= imm} (64-bit, unsigned). */
    BpfAsm modImm(int dst, int imm) {
        return add(ALU64 | MOD | K, dst, 0, 0, imm);
    }


    /** {@code lock *(size *)(dst + off) += src} (BPF_ATOMIC with BPF_ADD, the old XADD). */
    BpfAsm atomicAdd(int size, int dst, int off, int src) {
        return add(STX | ATOMIC | size, dst, src, off, ADD);
    }

    private BpfAsm add(int code, int dst, int src, int off, int imm) {
        insns.add(new Insn(code, dst, src, off, imm));
        return this;
    }

    /** The instructions with jump offsets resolved (relative to the next instruction). */
    List<Insn> resolved() {
        List<Insn> out = new ArrayList<>(insns);
        fixups.forEach((at, label) -> {
            Integer target = labels.get(label);
            if (target == null) {
                throw new IllegalStateException("undefined label " + label);
            }
            Insn i = out.get(at);
            out.set(at, new Insn(i.code(), i.dst(), i.src(), target - at - 1, i.imm()));
        });
        return out;
    }

    /** The encoded program in native memory, 8 bytes per instruction. */
    MemorySegment encode(Arena arena) {
        List<Insn> list = resolved();
        MemorySegment seg = arena.allocate(8L * list.size(), 8);
        for (int n = 0; n < list.size(); n++) {
            encode(list.get(n), seg, 8L * n);
        }
        return seg;
    }

    static void encode(Insn i, MemorySegment seg, long at) {
        seg.set(ValueLayout.JAVA_BYTE, at, (byte) i.code());
        seg.set(ValueLayout.JAVA_BYTE, at + 1, (byte) ((i.src() << 4) | (i.dst() & 0xf)));
        seg.set(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), at + 2, (short) i.off());
        seg.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), at + 4, i.imm());
    }
}
