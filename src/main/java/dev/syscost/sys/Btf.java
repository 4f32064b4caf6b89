package dev.syscost.sys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The kernel's own type information ({@code /sys/kernel/btf/vmlinux}, BTF format of include/uapi/linux/btf.h):
 * just enough to find a function's type id, which a BPF trampoline program (fentry) names to attach, and
 * a struct member's offset, which a raw tracepoint program reads kernel memory at.
 */
public final class Btf {
    public static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");
    private static final int MAGIC = 0xeB9F;
    private static final int KIND_FUNC = 12;
    private static final int KIND_STRUCT = 4;
    private static final int KIND_UNION = 5;

    private Btf() {}

    /** The BTF type id of the kernel function {@code name}, or empty when the kernel has no BTF or no such function. */
    public static OptionalInt funcId(Path btf, String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(btf)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 24 || (b.getShort(0) & 0xffff) != MAGIC) {
            throw new IOException(btf + " is not little-endian BTF");
        }
        int hdrLen = b.getInt(4);
        int typeStart = hdrLen + b.getInt(8);
        int typeEnd = typeStart + b.getInt(12);
        int strStart = hdrLen + b.getInt(16);
        byte[] want = name.getBytes(StandardCharsets.US_ASCII);
        int id = 1;
        for (int at = typeStart; at < typeEnd; id++) {
            int nameOff = b.getInt(at);
            int info = b.getInt(at + 4);
            int kind = (info >>> 24) & 0x1f;
            int vlen = info & 0xffff;
            if (kind == KIND_FUNC && named(b, strStart + nameOff, want)) {
                return OptionalInt.of(id);
            }
            at += 12 + extra(kind, vlen);
        }
        return OptionalInt.empty();
    }

    /**
     * The byte offset of {@code member} in {@code struct name} (looked for in anonymous struct and union
     * members too, as a randomised layout nests them), or empty when the kernel's BTF has no such member.
     */
    public static OptionalInt memberOffset(Path btf, String struct, String member) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(btf)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 24 || (b.getShort(0) & 0xffff) != MAGIC) {
            throw new IOException(btf + " is not little-endian BTF");
        }
        int hdrLen = b.getInt(4);
        int typeStart = hdrLen + b.getInt(8);
        int typeEnd = typeStart + b.getInt(12);
        int strStart = hdrLen + b.getInt(16);
        java.util.List<Integer> at = new java.util.ArrayList<>(); // the position of type id i + 1
        int found = -1;
        byte[] want = struct.getBytes(StandardCharsets.US_ASCII);
        for (int pos = typeStart; pos < typeEnd; ) {
            at.add(pos);
            int info = b.getInt(pos + 4);
            int kind = (info >>> 24) & 0x1f;
            if (found < 0 && kind == KIND_STRUCT && named(b, strStart + b.getInt(pos), want)) {
                found = pos;
            }
            pos += 12 + extra(kind, info & 0xffff);
        }
        return found < 0 ? OptionalInt.empty()
                : memberBits(b, at, strStart, found, member.getBytes(StandardCharsets.US_ASCII), 0).stream()
                        .map(bits -> bits / 8).findFirst();
    }

    private static OptionalInt memberBits(ByteBuffer b, java.util.List<Integer> at, int strStart, int pos, byte[] want, int depth) {
        int info = b.getInt(pos + 4);
        boolean bitfields = (info >>> 31) != 0;
        for (int i = 0, m = pos + 12; i < (info & 0xffff); i++, m += 12) {
            int nameOff = b.getInt(m);
            int offset = b.getInt(m + 8);
            int bits = bitfields ? offset & 0xffffff : offset;
            if (nameOff != 0 && named(b, strStart + nameOff, want)) {
                return OptionalInt.of(bits);
            }
            int type = b.getInt(m + 4);
            if (nameOff == 0 && depth < 8 && type > 0 && type <= at.size()) {
                int inner = at.get(type - 1);
                int kind = (b.getInt(inner + 4) >>> 24) & 0x1f;
                if (kind == KIND_STRUCT || kind == KIND_UNION) {
                    OptionalInt nested = memberBits(b, at, strStart, inner, want, depth + 1);
                    if (nested.isPresent()) {
                        return OptionalInt.of(bits + nested.getAsInt());
                    }
                }
            }
        }
        return OptionalInt.empty();
    }

    /** Bytes that follow a type's 12-byte common part, by kind. */
    private static int extra(int kind, int vlen) throws IOException {
        return switch (kind) {
            case 1, 14, 17 -> 4; // INT, VAR, DECL_TAG
            case 3 -> 12; // ARRAY
            case 4, 5, 15, 19 -> 12 * vlen; // STRUCT, UNION, DATASEC, ENUM64
            case 6, 13 -> 8 * vlen; // ENUM, FUNC_PROTO
            case 2, 7, 8, 9, 10, 11, 12, 16, 18 -> 0;
            default -> throw new IOException("unknown BTF kind " + kind);
        };
    }

    private static boolean named(ByteBuffer b, int at, byte[] want) {
        for (int i = 0; i < want.length; i++) {
            if (at + i >= b.limit() || b.get(at + i) != want[i]) {
                return false;
            }
        }
        return at + want.length < b.limit() && b.get(at + want.length) == 0;
    }
}
