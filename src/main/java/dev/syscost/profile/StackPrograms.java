package dev.syscost.profile;

import static dev.syscost.profile.BpfAsm.*;

/**
 * The eBPF program behind {@code profile --stacks}: a second program on raw tracepoint {@code sys_enter},
 * beside the counting one (whose per-syscall totals stay exact and untouched), that takes the calling
 * thread's user stack with {@code bpf_get_stackid(ctx, stacks, BPF_F_USER_STACK)} (frame-pointer walk,
 * at most kernel.perf_event_max_stack frames) and counts per (tgid, syscall nr, stack id) in a hash map.
 *
 * <p>Nothing is dropped silently: a failed stack id (-EEXIST: the stack map's bucket holds another stack;
 * -ENOMEM: no free entry; -EFAULT: no user stack) is counted under that negative id, and a call that finds
 * the count map full is counted in slot {@link #HASH_FULL_SLOT} of the per-CPU {@code stats} array.
 */
final class StackPrograms {
    /** Key of {@code sites}: u32 tgid, u32 syscall nr, s32 stack id (or -errno), u32 zero. */
    static final int KEY_SIZE = 16;
    /** {@code stats} slot: calls walked but not counted because {@code sites} was full. */
    static final int HASH_FULL_SLOT = 0;
    static final int STATS_SLOTS = 1;
    static final int BPF_F_USER_STACK = 1 << 8;
    static final int BPF_NOEXIST = 1;

    private StackPrograms() {}

    /**
     * @param tidsFd  the counting program's tracked-thread array (shared, read only here)
     * @param period  walk each call with probability 1/period (1: every call)
     */
    static BpfAsm sysEnter(int tidsFd, int period, int stackMapFd, int sitesFd, int statsFd) {
        BpfAsm a = new BpfAsm()
                .mov(R6, R1)
                .load(DW, R7, R6, 8) // ctx->args[1]: the syscall number
                .call(FN_GET_CURRENT_PID_TGID)
                .mov(R8, R0)
                .store(W, R10, -4, R0)
                .lookupOrJump(tidsFd, -4, "out")
                .load(W, R1, R0, 0)
                .jumpImm(JNE, R1, CountingPrograms.COUNTING, "out");
        if (period > 1) {
            // each call walked with probability 1/period, independently: a fixed every-Nth rule would alias with
            // a periodic program (read, write, read, write: every 10th call is always a read)
            a.call(FN_GET_PRANDOM_U32)
                    .modImm(R0, period)
                    .jumpImm(JNE, R0, 0, "out");
        }
        return a.mov(R1, R6)
                .loadMapFd(R2, stackMapFd)
                .movImm(R3, BPF_F_USER_STACK)
                .call(FN_GET_STACKID)
                .store(W, R10, -16, R0) // the stack id, or -errno: counted either way
                .rshImm(R8, 32)
                .store(W, R10, -24, R8)
                .store(W, R10, -20, R7)
                .storeImm(W, R10, -12, 0)
                .mov(R2, R10).addImm(R2, -24)
                .loadMapFd(R1, sitesFd)
                .call(FN_MAP_LOOKUP_ELEM)
                .jumpImm(JNE, R0, 0, "add")
                .storeImm(DW, R10, -32, 1)
                .mov(R2, R10).addImm(R2, -24)
                .mov(R3, R10).addImm(R3, -32)
                .movImm(R4, BPF_NOEXIST)
                .loadMapFd(R1, sitesFd)
                .call(FN_MAP_UPDATE_ELEM)
                .jumpImm(JEQ, R0, 0, "out")
                // another CPU inserted the key first (EEXIST), or the map is full (E2BIG)
                .mov(R2, R10).addImm(R2, -24)
                .loadMapFd(R1, sitesFd)
                .call(FN_MAP_LOOKUP_ELEM)
                .jumpImm(JNE, R0, 0, "add")
                .storeImm(W, R10, -8, HASH_FULL_SLOT)
                .lookupOrJump(statsFd, -8, "out")
                .load(DW, R1, R0, 0).addImm(R1, 1).store(DW, R0, 0, R1) // per-CPU: no atomic needed
                .jumpImm(JA, 0, 0, "out")
                .label("add")
                .movImm(R1, 1)
                .atomicAdd(DW, R0, 0, R1)
                .label("out").movImm(R0, 0).exit();
    }
}
