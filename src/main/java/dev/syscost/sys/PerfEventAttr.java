package dev.syscost.sys;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/** {@code struct perf_event_attr} (include/uapi/linux/perf_event.h, PERF_ATTR_SIZE_VER8 = 136 bytes). */
public final class PerfEventAttr {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("type"),
            JAVA_INT.withName("size"),
            JAVA_LONG.withName("config"),
            JAVA_LONG.withName("sample_period"),
            JAVA_LONG.withName("sample_type"),
            JAVA_LONG.withName("read_format"),
            JAVA_LONG.withName("flags"),
            JAVA_INT.withName("wakeup_events"),
            JAVA_INT.withName("bp_type"),
            JAVA_LONG.withName("config1"),
            JAVA_LONG.withName("config2"),
            JAVA_LONG.withName("branch_sample_type"),
            JAVA_LONG.withName("sample_regs_user"),
            JAVA_INT.withName("sample_stack_user"),
            JAVA_INT.withName("clockid"),
            JAVA_LONG.withName("sample_regs_intr"),
            JAVA_INT.withName("aux_watermark"),
            JAVA_SHORT.withName("sample_max_stack"),
            JAVA_SHORT.withName("reserved_2"),
            JAVA_INT.withName("aux_sample_size"),
            JAVA_INT.withName("reserved_3"),
            JAVA_LONG.withName("sig_data"),
            JAVA_LONG.withName("config3"));

    public static final int PERF_TYPE_HARDWARE = 0;
    public static final int PERF_TYPE_SOFTWARE = 1;
    public static final int PERF_TYPE_TRACEPOINT = 2;
    public static final int PERF_TYPE_HW_CACHE = 3;

    public static final long PERF_COUNT_HW_CPU_CYCLES = 0;
    public static final long PERF_COUNT_HW_INSTRUCTIONS = 1;
    public static final long PERF_COUNT_HW_CACHE_MISSES = 3;
    public static final long PERF_COUNT_HW_BRANCH_MISSES = 5;

    /** Bits of the {@code flags} word, in the order of the bitfield in the UAPI header. */
    public static final long DISABLED = 1L;
    public static final long INHERIT = 1L << 1;
    public static final long EXCLUDE_USER = 1L << 4;
    public static final long EXCLUDE_KERNEL = 1L << 5;
    public static final long EXCLUDE_HV = 1L << 6;
    public static final long ENABLE_ON_EXEC = 1L << 12;

    private static final VarHandle TYPE = LAYOUT.varHandle(groupElement("type"));
    private static final VarHandle SIZE = LAYOUT.varHandle(groupElement("size"));
    private static final VarHandle CONFIG = LAYOUT.varHandle(groupElement("config"));
    private static final VarHandle SAMPLE_PERIOD = LAYOUT.varHandle(groupElement("sample_period"));
    private static final VarHandle FLAGS = LAYOUT.varHandle(groupElement("flags"));

    private PerfEventAttr() {}

    /** A zeroed attr of the given type and config with {@code size} set and the given flag bits. */
    public static MemorySegment of(Arena arena, int type, long config, long flags) {
        MemorySegment attr = arena.allocate(LAYOUT);
        TYPE.set(attr, 0L, type);
        SIZE.set(attr, 0L, (int) LAYOUT.byteSize());
        CONFIG.set(attr, 0L, config);
        FLAGS.set(attr, 0L, flags);
        return attr;
    }

    /** Sets {@code sample_period} (for tracepoints with a BPF program: 1). */
    public static void samplePeriod(MemorySegment attr, long period) {
        SAMPLE_PERIOD.set(attr, 0L, period);
    }
}
