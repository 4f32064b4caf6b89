package dev.syscost.sys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The kernel's own type information ({@code /sys/kernel/btf/vmlinux}, BTF format of include/uapi/linux/btf.h):
 * just enough to find a function's type id, which a BPF trampoline program (fentry) names to attach, and
 * a struct member's offset, which a raw tracepoint program reads kernel memory at.
 *
 * <p>Read once, indexed in one pass over its types; a name is found in the string section first (a
 * vectorised search), so the walk over the ~150,000 types of a kernel compares integers only.
 */
public final class Btf {
    public static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");
    private static final int MAGIC = 0xeB9F;
    private static final int KIND_STRUCT = 4;
    private static final int KIND_UNION = 5;
    private static final int KIND_FUNC = 12;

    private final ByteBuffer b;
    private final String strings;
    /** The byte position of type id i + 1. */
    private final int[] typeAt;

    private Btf(ByteBuffer b, String strings, int[] typeAt) {
        this.b = b;
        this.strings = strings;
        this.typeAt = typeAt;
    }

    /** Reads and indexes the BTF at {@code btf}. */
    public static Btf read(Path btf) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(btf)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 24 || (b.getShort(0) & 0xffff) != MAGIC) {
            throw new IOException(btf + " is not little-endian BTF");
        }
        int hdrLen = b.getInt(4);
        int typeStart = hdrLen + b.getInt(8);
        int typeEnd = typeStart + b.getInt(12);
        int strStart = hdrLen + b.getInt(16);
        int strLen = Math.min(b.getInt(20), b.limit() - strStart);
        String strings = new String(b.array(), strStart, strLen, StandardCharsets.ISO_8859_1);
        int[] at = new int[1024];
        int n = 0;
        for (int pos = typeStart; pos < typeEnd; n++) {
            if (n == at.length) {
                at = Arrays.copyOf(at, n * 2);
            }
            at[n] = pos;
            int info = b.getInt(pos + 4);
            pos += 12 + extra((info >>> 24) & 0x1f, info & 0xffff);
        }
        return new Btf(b, strings, Arrays.copyOf(at, n));
    }

    /** The BTF type id of the kernel function {@code name}, or empty when the kernel has no BTF or no such function. */
    public static OptionalInt funcId(Path btf, String name) throws IOException {
        return read(btf).funcId(name);
    }

    /** {@link #memberOffset(String, String)} in the BTF at {@code btf}. */
    public static OptionalInt memberOffset(Path btf, String struct, String member) throws IOException {
        return read(btf).memberOffset(struct, member);
    }

    /** The type id of the function {@code name}, or empty. */
    public OptionalInt funcId(String name) {
        int[] names = nameOffsets(name);
        for (int id = 1; id <= typeAt.length && names.length > 0; id++) {
            int pos = typeAt[id - 1];
            if (kind(pos) == KIND_FUNC && contains(names, b.getInt(pos))) {
                return OptionalInt.of(id);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The byte offset of {@code member} in {@code struct name} (looked for in anonymous struct and union
     * members too, as a randomised layout nests them), or empty when there is no such member.
     */
    public OptionalInt memberOffset(String struct, String member) {
        int[] structs = nameOffsets(struct);
        int[] members = nameOffsets(member);
        for (int id = 1; id <= typeAt.length && structs.length > 0 && members.length > 0; id++) {
            int pos = typeAt[id - 1];
            if (kind(pos) == KIND_STRUCT && contains(structs, b.getInt(pos))) {
                OptionalInt bits = memberBits(pos, members, 0);
                return bits.isPresent() ? OptionalInt.of(bits.getAsInt() / 8) : OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    private OptionalInt memberBits(int pos, int[] members, int depth) {
        int info = b.getInt(pos + 4);
        boolean bitfields = (info >>> 31) != 0;
        for (int i = 0, m = pos + 12; i < (info & 0xffff); i++, m += 12) {
            int nameOff = b.getInt(m);
            int offset = b.getInt(m + 8);
            int bits = bitfields ? offset & 0xffffff : offset;
            if (nameOff != 0 && contains(members, nameOff)) {
                return OptionalInt.of(bits);
            }
            int type = b.getInt(m + 4);
            if (nameOff == 0 && depth < 8 && type > 0 && type <= typeAt.length) {
                int inner = typeAt[type - 1];
                if (kind(inner) == KIND_STRUCT || kind(inner) == KIND_UNION) {
                    OptionalInt nested = memberBits(inner, members, depth + 1);
                    if (nested.isPresent()) {
                        return OptionalInt.of(bits + nested.getAsInt());
                    }
                }
            }
        }
        return OptionalInt.empty();
    }

    /** Every offset in the string section at which the whole string {@code name} starts (one, deduplicated). */
    private int[] nameOffsets(String name) {
        String whole = "\0" + name + "\0";
        int[] found = new int[0];
        for (int at = strings.indexOf(whole); at >= 0; at = strings.indexOf(whole, at + 1)) {
            found = Arrays.copyOf(found, found.length + 1);
            found[found.length - 1] = at + 1;
        }
        return found;
    }

    private int kind(int pos) {
        return (b.getInt(pos + 4) >>> 24) & 0x1f;
    }

    private static boolean contains(int[] offsets, int off) {
        for (int o : offsets) {
            if (o == off) {
                return true;
            }
        }
        return false;
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
}
