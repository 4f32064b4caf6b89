package dev.syscost.profile;

import static dev.syscost.profile.BpfAsm.*;

/**
 * The eBPF program that counts every process's syscalls on the machine, for {@code syscost top} and
 * {@code serve --node}: on raw tracepoint sys_enter, one per-CPU hash {@code counts} keyed by
 * (tgid u32, syscall number u32) holds a u64 per CPU. When that map is full (its max_entries is the
 * bound on memory), the call is counted in slot {@link #DROPPED_CALLS} of the per-CPU array
 * {@code dropped}, and its process in the per-CPU hash {@code overflow} keyed by tgid, so the screen
 * can say how many processes it does not show; when that map is full too, slot
 * {@link #DROPPED_PROCESSES} counts the calls. Nothing is ever lost silently.
 */
final class NodeCountingPrograms {
    /** Slot of {@code dropped}: calls that found {@code counts} full. */
    static final int DROPPED_CALLS = 0;
    /** Slot of {@code dropped}: calls that found {@code overflow} full as well. */
    static final int DROPPED_PROCESSES = 1;
    static final int DROPPED_SLOTS = 2;
    /** TASK_COMM_LEN: a thread's name, NUL-padded. */
    static final int COMM_SIZE = 16;

    private static final long BPF_ANY = 0;

    private NodeCountingPrograms() {}

    /** Raw tracepoint sys_enter (ctx->args[1] is the syscall number). */
    static BpfAsm sysEnter(int countsFd, int overflowFd, int droppedFd, int commsFd) {
        BpfAsm a = new BpfAsm()
                .mov(R6, R1)
                .load(DW, R7, R6, 8)
                .call(FN_GET_CURRENT_PID_TGID)
                .rshImm(R0, 32) // the upper half: the thread group id, the process as user space names it
                .store(W, R10, -8, R0)
                .store(W, R10, -4, R7)
                // the stored 1 a missing key starts at; it survives the helper calls on the stack
                .storeImm(DW, R10, -16, 1);
        // Updating with BPF_ANY after a failed lookup is right even when another CPU inserted the key
        // in between: a new per-CPU element starts at zero on every CPU, and this CPU's slot gets 1.
        incrementOrInsert(a, countsFd, -8, "named", "full");
        // a new (process, syscall) pair: note the name, so a process that exits before user space reads
        // /proc still has one (the thread's, after its latest exec)
        a.label("named")
                .mov(R1, R10).addImm(R1, -40)
                .movImm(R2, COMM_SIZE)
                .call(FN_GET_CURRENT_COMM)
                .mov(R2, R10).addImm(R2, -8)
                .mov(R3, R10).addImm(R3, -40)
                .movImm(R4, (int) BPF_ANY)
                .loadMapFd(R1, commsFd)
                .call(FN_MAP_UPDATE_ELEM)
                .jumpImm(JA, 0, 0, "counted");
        a.label("full");
        incrementSlot(a, droppedFd, DROPPED_CALLS, "slot0");
        a.label("slot0");
        incrementOrInsert(a, overflowFd, -8, "counted", "overflowFull");
        a.label("overflowFull");
        incrementSlot(a, droppedFd, DROPPED_PROCESSES, "counted");
        return a.label("counted").movImm(R0, 0).exit();
    }

    /** {@code map[key at fp+keyOff] += 1} on this CPU, inserting it at 1; jumps to {@code failed} when full. */
    private static void incrementOrInsert(BpfAsm a, int mapFd, int keyOff, String inserted, String failed) {
        String done = "counted";
        String insert = "insert" + mapFd;
        a.mov(R2, R10).addImm(R2, keyOff)
                .loadMapFd(R1, mapFd)
                .call(FN_MAP_LOOKUP_ELEM)
                .jumpImm(JEQ, R0, 0, insert)
                // per-CPU value, and BPF programs do not nest on one CPU here: no atomic needed
                .load(DW, R1, R0, 0).addImm(R1, 1).store(DW, R0, 0, R1)
                .jumpImm(JA, 0, 0, done)
                .label(insert)
                .mov(R2, R10).addImm(R2, keyOff)
                .mov(R3, R10).addImm(R3, -16)
                .movImm(R4, (int) BPF_ANY)
                .loadMapFd(R1, mapFd)
                .call(FN_MAP_UPDATE_ELEM)
                .jumpImm(JNE, R0, 0, failed)
                .jumpImm(JA, 0, 0, inserted);
    }

    /** {@code array[slot] += 1} on this CPU, then on to {@code next}. */
    private static void incrementSlot(BpfAsm a, int arrayFd, int slot, String next) {
        a.storeImm(W, R10, -20, slot)
                .mov(R2, R10).addImm(R2, -20)
                .loadMapFd(R1, arrayFd)
                .call(FN_MAP_LOOKUP_ELEM)
                .jumpImm(JEQ, R0, 0, next)
                .load(DW, R1, R0, 0).addImm(R1, 1).store(DW, R0, 0, R1)
                .jumpImm(JA, 0, 0, next);
    }
}
