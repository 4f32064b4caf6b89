package dev.syscost.sys;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The bpf(2) syscall: maps, program loading (with the verifier's log) and raw tracepoint attachment.
 * Each command's part of {@code union bpf_attr} (include/uapi/linux/bpf.h) is its own layout; the
 * kernel accepts a shorter attr than its own as long as the rest would be zero.
 */
public final class Bpf {
    public static final int BPF_MAP_CREATE = 0;
    public static final int BPF_MAP_LOOKUP_ELEM = 1;
    public static final int BPF_MAP_UPDATE_ELEM = 2;
    public static final int BPF_MAP_DELETE_ELEM = 3;
    public static final int BPF_MAP_GET_NEXT_KEY = 4;
    public static final int BPF_PROG_LOAD = 5;
    public static final int BPF_RAW_TRACEPOINT_OPEN = 17;
    public static final int BPF_MAP_LOOKUP_BATCH = 24;

    public static final int MAP_TYPE_HASH = 1;
    public static final int MAP_TYPE_ARRAY = 2;
    public static final int MAP_TYPE_PERCPU_ARRAY = 6;
    public static final int MAP_TYPE_PERCPU_HASH = 5;
    public static final int MAP_TYPE_STACK_TRACE = 7;

    public static final int PROG_TYPE_TRACEPOINT = 5;
    public static final int PROG_TYPE_RAW_TRACEPOINT = 17;

    public static final long BPF_ANY = 0;

    /** The BPF_MAP_CREATE part of {@code union bpf_attr}. */
    public static final StructLayout MAP_CREATE = MemoryLayout.structLayout(
            JAVA_INT.withName("map_type"),
            JAVA_INT.withName("key_size"),
            JAVA_INT.withName("value_size"),
            JAVA_INT.withName("max_entries"),
            JAVA_INT.withName("map_flags"),
            JAVA_INT.withName("inner_map_fd"),
            JAVA_INT.withName("numa_node"),
            MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_BYTE).withName("map_name"),
            JAVA_INT.withName("map_ifindex"),
            JAVA_INT.withName("btf_fd"),
            JAVA_INT.withName("btf_key_type_id"),
            JAVA_INT.withName("btf_value_type_id"),
            JAVA_INT.withName("btf_vmlinux_value_type_id"),
            JAVA_LONG.withName("map_extra"));

    /** The BPF_MAP_*_ELEM part: {@code value} doubles as {@code next_key} for GET_NEXT_KEY. */
    public static final StructLayout MAP_ELEM = MemoryLayout.structLayout(
            JAVA_INT.withName("map_fd"),
            MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("key"),
            JAVA_LONG.withName("value"),
            JAVA_LONG.withName("flags"));

    /** The BPF_PROG_LOAD part, up to {@code expected_attach_type}. */
    public static final StructLayout PROG_LOAD = MemoryLayout.structLayout(
            JAVA_INT.withName("prog_type"),
            JAVA_INT.withName("insn_cnt"),
            JAVA_LONG.withName("insns"),
            JAVA_LONG.withName("license"),
            JAVA_INT.withName("log_level"),
            JAVA_INT.withName("log_size"),
            JAVA_LONG.withName("log_buf"),
            JAVA_INT.withName("kern_version"),
            JAVA_INT.withName("prog_flags"),
            MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_BYTE).withName("prog_name"),
            JAVA_INT.withName("prog_ifindex"),
            JAVA_INT.withName("expected_attach_type"));

    /** The BPF_MAP_*_BATCH part. */
    public static final StructLayout BATCH = MemoryLayout.structLayout(
            JAVA_LONG.withName("in_batch"),
            JAVA_LONG.withName("out_batch"),
            JAVA_LONG.withName("keys"),
            JAVA_LONG.withName("values"),
            JAVA_INT.withName("count"),
            JAVA_INT.withName("map_fd"),
            JAVA_LONG.withName("elem_flags"),
            JAVA_LONG.withName("flags"));

    /** The BPF_RAW_TRACEPOINT_OPEN part. */
    public static final StructLayout RAW_TRACEPOINT = MemoryLayout.structLayout(
            JAVA_LONG.withName("name"),
            JAVA_INT.withName("prog_fd"),
            MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("cookie"));

    /** Size of one {@code struct bpf_insn}. */
    public static final int INSN_SIZE = 8;
    private static final int LOG_SIZE = 1 << 20;

    private Bpf() {}

    /** Creates a map; returns its fd (close-on-exec, as every bpf fd is). */
    public static int mapCreate(int type, int keySize, int valueSize, int maxEntries, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(MAP_CREATE);
            set(attr, MAP_CREATE, "map_type", type);
            set(attr, MAP_CREATE, "key_size", keySize);
            set(attr, MAP_CREATE, "value_size", valueSize);
            set(attr, MAP_CREATE, "max_entries", maxEntries);
            putName(attr, MAP_CREATE.byteOffset(groupElement("map_name")), name);
            return (int) bpf(BPF_MAP_CREATE, attr, "BPF_MAP_CREATE " + name);
        }
    }

    /** Looks {@code key} up into {@code value}; false when the key is absent. */
    public static boolean lookup(int mapFd, MemorySegment key, MemorySegment value) {
        return elem(BPF_MAP_LOOKUP_ELEM, mapFd, key, value, 0, "BPF_MAP_LOOKUP_ELEM");
    }

    /**
     * Reads up to {@code count} entries of a map from its first key in one call (BPF_MAP_LOOKUP_BATCH,
     * Linux 5.6): their keys into {@code keys} and their values into {@code values} (a per-CPU map's value
     * once per possible CPU, each rounded up to 8 bytes); returns how many it read. One call instead of one
     * per key: reading a profile's 1,025 counters key by key took about 10 ms.
     */
    public static int lookupBatch(int mapFd, MemorySegment keys, MemorySegment values, int count) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(BATCH);
            set(attr, BATCH, "out_batch", arena.allocate(8).address()); // where the next batch would start
            set(attr, BATCH, "keys", keys.address());
            set(attr, BATCH, "values", values.address());
            set(attr, BATCH, "count", count);
            set(attr, BATCH, "map_fd", mapFd);
            try {
                bpf(BPF_MAP_LOOKUP_BATCH, attr, "BPF_MAP_LOOKUP_BATCH");
            } catch (NativeException e) {
                if (e.errno() != Errno.ENOENT) { // ENOENT: the map ended before count entries
                    throw e;
                }
            }
            return attr.get(JAVA_INT, BATCH.byteOffset(groupElement("count")));
        }
    }

    /** Inserts or replaces {@code key → value}. */
    public static void update(int mapFd, MemorySegment key, MemorySegment value) {
        elem(BPF_MAP_UPDATE_ELEM, mapFd, key, value, BPF_ANY, "BPF_MAP_UPDATE_ELEM");
    }

    /** Deletes {@code key}; false when it was absent. */
    public static boolean delete(int mapFd, MemorySegment key) {
        return elem(BPF_MAP_DELETE_ELEM, mapFd, key, MemorySegment.NULL, 0, "BPF_MAP_DELETE_ELEM");
    }

    /** Stores the key after {@code key} (the first key when {@code key} is NULL) in {@code next}; false at the end. */
    public static boolean nextKey(int mapFd, MemorySegment key, MemorySegment next) {
        return elem(BPF_MAP_GET_NEXT_KEY, mapFd, key, next, 0, "BPF_MAP_GET_NEXT_KEY");
    }

    private static boolean elem(int cmd, int mapFd, MemorySegment key, MemorySegment value, long flags, String call) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(MAP_ELEM);
            set(attr, MAP_ELEM, "map_fd", mapFd);
            set(attr, MAP_ELEM, "key", key.address());
            set(attr, MAP_ELEM, "value", value.address());
            set(attr, MAP_ELEM, "flags", flags);
            bpf(cmd, attr, call);
            return true;
        } catch (NativeException e) {
            if (e.errno() == Errno.ENOENT) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Loads a program; on rejection throws a {@link BpfVerifierException} carrying the verifier's log.
     * {@code insns} holds {@code struct bpf_insn}s, 8 bytes each.
     */
    public static int progLoad(int progType, MemorySegment insns, String name) {
        return progLoad(PROG_LOAD, progType, insns, name, attr -> {});
    }

    /**
     * BPF_PROG_LOAD with the common fields set; {@code more} fills what this kind of program adds. The
     * verifier's log, when it has one, travels in the {@link BpfVerifierException}.
     */
    private static int progLoad(StructLayout layout, int progType, MemorySegment insns, String name,
                                java.util.function.Consumer<MemorySegment> more) {
        // Without a log first, as libbpf does: a verifier that logs every instruction it walks takes
        // milliseconds longer per program, and 1 MiB of log buffer is zeroed for it. Only a rejected
        // program is loaded again, with the log, for the verifier's reason (EPERM has none to give).
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(layout);
            set(attr, PROG_LOAD, "prog_type", progType);
            set(attr, PROG_LOAD, "insn_cnt", (int) (insns.byteSize() / INSN_SIZE));
            set(attr, PROG_LOAD, "insns", insns.address());
            set(attr, PROG_LOAD, "license", arena.allocateFrom("GPL").address());
            putName(attr, PROG_LOAD.byteOffset(groupElement("prog_name")), name);
            more.accept(attr);
            try {
                return (int) bpf(BPF_PROG_LOAD, attr, "BPF_PROG_LOAD " + name);
            } catch (NativeException e) {
                if (e.errno() == Errno.EPERM) {
                    throw e;
                }
            }
        }
        return progLoadLogged(layout, progType, insns, name, more);
    }

    /** BPF_PROG_LOAD with the verifier's log (level 1), which a rejection carries. */
    private static int progLoadLogged(StructLayout layout, int progType, MemorySegment insns, String name,
                                      java.util.function.Consumer<MemorySegment> more) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(layout);
            MemorySegment log = arena.allocate(LOG_SIZE);
            set(attr, PROG_LOAD, "prog_type", progType);
            set(attr, PROG_LOAD, "insn_cnt", (int) (insns.byteSize() / INSN_SIZE));
            set(attr, PROG_LOAD, "insns", insns.address());
            set(attr, PROG_LOAD, "license", arena.allocateFrom("GPL").address());
            set(attr, PROG_LOAD, "log_level", 1);
            set(attr, PROG_LOAD, "log_size", LOG_SIZE);
            set(attr, PROG_LOAD, "log_buf", log.address());
            putName(attr, PROG_LOAD.byteOffset(groupElement("prog_name")), name);
            more.accept(attr);
            try {
                return (int) bpf(BPF_PROG_LOAD, attr, "BPF_PROG_LOAD " + name);
            } catch (NativeException e) {
                String text = log.getString(0, StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    throw e;
                }
                throw new BpfVerifierException(name, e.errno(), text);
            }
        }
    }

    /** Attaches a raw tracepoint program; the returned fd keeps it attached until closed. */
    public static int rawTracepointOpen(String tracepoint, int progFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(RAW_TRACEPOINT);
            set(attr, RAW_TRACEPOINT, "name", arena.allocateFrom(tracepoint).address());
            set(attr, RAW_TRACEPOINT, "prog_fd", progFd);
            return (int) bpf(BPF_RAW_TRACEPOINT_OPEN, attr, "BPF_RAW_TRACEPOINT_OPEN " + tracepoint);
        }
    }

    /** The number of possible CPUs: per-CPU map values from user space hold one slot for each. */
    public static int possibleCpus() {
        return CpuList.count("/sys/devices/system/cpu/possible");
    }

    private static long bpf(int cmd, MemorySegment attr, String call) {
        if (PerfEvents.forcedOff()) {
            throw new NativeException(call, Errno.EPERM, "bpf disabled by -D" + PerfEvents.DISABLE_PROPERTY + "=true");
        }
        return Libc.syscallChecked(call, hintFor(call), SyscallTable.x86_64().number("bpf"),
                cmd, attr.address(), attr.byteSize(), 0, 0, 0);
    }

    private static String hintFor(String call) {
        return call.startsWith("BPF_MAP_") && !call.startsWith("BPF_MAP_CREATE") ? null
                : "bpf needs root or CAP_BPF+CAP_PERFMON (kernel.unprivileged_bpf_disabled=" + unprivilegedDisabled() + ")";
    }

    private static String unprivilegedDisabled() {
        try {
            return ProcFiles.read(java.nio.file.Path.of("/proc/sys/kernel/unprivileged_bpf_disabled")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void set(MemorySegment attr, StructLayout layout, String field, int value) {
        attr.set(JAVA_INT, layout.byteOffset(groupElement(field)), value);
    }

    private static void set(MemorySegment attr, StructLayout layout, String field, long value) {
        attr.set(JAVA_LONG, layout.byteOffset(groupElement(field)), value);
    }

    private static void putName(MemorySegment attr, long offset, String name) {
        // BPF object names: at most 15 characters of [A-Za-z0-9_.]
        byte[] bytes = name.replaceAll("[^A-Za-z0-9_.]", "_").getBytes(StandardCharsets.US_ASCII);
        MemorySegment.copy(bytes, 0, attr, ValueLayout.JAVA_BYTE, offset, Math.min(15, bytes.length));
    }

    // BPF trampolines (fentry): a tracing program attached to a kernel function by its BTF type id
    public static final int PROG_TYPE_TRACING = 26;
    public static final int ATTACH_TRACE_FENTRY = 24;

    /** BPF_PROG_LOAD up to {@code attach_prog_fd}: what a tracing program needs beyond {@link #PROG_LOAD}. */
    public static final StructLayout PROG_LOAD_BTF = MemoryLayout.structLayout(
            PROG_LOAD.withName("base"),
            JAVA_INT.withName("prog_btf_fd"),
            JAVA_INT.withName("func_info_rec_size"),
            JAVA_LONG.withName("func_info"),
            JAVA_INT.withName("func_info_cnt"),
            JAVA_INT.withName("line_info_rec_size"),
            JAVA_LONG.withName("line_info"),
            JAVA_INT.withName("line_info_cnt"),
            JAVA_INT.withName("attach_btf_id"),
            JAVA_INT.withName("attach_prog_fd"),
            MemoryLayout.paddingLayout(4));

    /**
     * Loads an fentry program for the kernel function with BTF type id {@code attachBtfId}; on rejection
     * throws a {@link BpfVerifierException} with the verifier's log.
     */
    public static int progLoadFentry(MemorySegment insns, String name, int attachBtfId) {
        return progLoad(PROG_LOAD_BTF, PROG_TYPE_TRACING, insns, name, attr -> {
            set(attr, PROG_LOAD, "expected_attach_type", ATTACH_TRACE_FENTRY);
            set(attr, PROG_LOAD_BTF, "attach_btf_id", attachBtfId);
        });
    }

    /** Attaches a loaded fentry program to its function; the returned fd keeps it attached until closed. */
    public static int attachTracing(int progFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(RAW_TRACEPOINT);
            set(attr, RAW_TRACEPOINT, "prog_fd", progFd);
            return (int) bpf(BPF_RAW_TRACEPOINT_OPEN, attr, "BPF_RAW_TRACEPOINT_OPEN (fentry)");
        }
    }
}
