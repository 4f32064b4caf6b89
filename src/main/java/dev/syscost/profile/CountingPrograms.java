package dev.syscost.profile;

import static dev.syscost.profile.BpfAsm.*;

import dev.syscost.sys.SyscallTable;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The eBPF programs that count a process tree's syscalls in the kernel. The map {@code tids} holds the
 * tracked thread ids, each {@link #COUNTING} or {@link #ARMED} (tracked, counted from its next exec:
 * the launcher's trampoline); 0 is untracked. It is an array indexed by thread id (pid_max entries),
 * not a hash: the verifier inlines array lookups, and sys_enter runs for every syscall on the machine.
 * {@code counts} is a per-CPU array of u64 indexed by syscall number.
 */
final class CountingPrograms {
    /** Array slots: numbers 0..SLOTS-2 count as themselves, anything else (x32, -1, newer) in the last. */
    static final int SLOTS = 1024;
    /** One more slot past the syscall numbers: poll/epoll_wait/epoll_pwait calls with a zero timeout. */
    static final int ZERO_TIMEOUT_SLOT = SLOTS;
    /** Offsets in x86-64 {@code struct pt_regs} (uapi asm/ptrace.h): the 3rd and 4th syscall arguments. */
    static final int PT_REGS_DX = 96;
    static final int PT_REGS_R10 = 56;
    static final int COUNTING = 1;
    static final int ARMED = 2;

    private CountingPrograms() {}

    /** Raw tracepoint sys_enter (ctx->args[1] is the syscall number): count it if the thread is tracked. */
    static BpfAsm sysEnter(int tidsFd, int countsFd) {
        SyscallTable table = SyscallTable.x86_64();
        return new BpfAsm()
                .mov(R6, R1)
                .call(FN_GET_CURRENT_PID_TGID)
                .store(W, R10, -4, R0) // the low 32 bits: the thread id
                .lookupOrJump(tidsFd, -4, "out")
                .load(W, R1, R0, 0)
                .jumpImm(JNE, R1, COUNTING, "out")
                // an untracked thread (every other process) has left by here: nothing above reads the context
                .load(DW, R7, R6, 8)
                .mov32(R7, R7) // fentry passes nr as an unsigned int; -1 (invalid) still lands in the last slot
                // poll(fds, n, timeout) and epoll_(p)wait(fd, events, n, timeout): a zero timeout is busy polling
                .jumpImm(JEQ, R7, table.number("poll"), "poll")
                .jumpImm(JEQ, R7, table.number("epoll_wait"), "epoll")
                .jumpImm(JEQ, R7, table.number("epoll_pwait"), "epoll")
                .jumpImm(JA, 0, 0, "range")
                .label("poll").movImm(R8, PT_REGS_DX).jumpImm(JA, 0, 0, "timeout")
                .label("epoll").movImm(R8, PT_REGS_R10)
                .label("timeout")
                .storeImm(DW, R10, -16, 1)
                .mov(R1, R10).addImm(R1, -16)
                .movImm(R2, 8)
                .load(DW, R3, R6, 0) // ctx->args[0]: the struct pt_regs of the syscall
                .addReg(R3, R8)
                .call(FN_PROBE_READ_KERNEL)
                .load(W, R1, R10, -16) // the timeout is an int
                .jumpImm(JNE, R1, 0, "range")
                .storeImm(W, R10, -8, ZERO_TIMEOUT_SLOT)
                .lookupOrJump(countsFd, -8, "range")
                .load(DW, R1, R0, 0).addImm(R1, 1).store(DW, R0, 0, R1)
                .label("range")
                .jumpImm(JGT, R7, SLOTS - 2, "clamp") // unsigned: also catches negative numbers
                .jumpImm(JA, 0, 0, "index")
                .label("clamp").movImm(R7, SLOTS - 1)
                .label("index").store(W, R10, -8, R7)
                .lookupOrJump(countsFd, -8, "out")
                // per-CPU slot, and BPF programs do not nest on one CPU here: no atomic needed
                .load(DW, R1, R0, 0).addImm(R1, 1).store(DW, R0, 0, R1)
                .label("out").movImm(R0, 0).exit();
    }

    /** Tracepoint sched:sched_process_fork: a tracked parent's new thread or process inherits its state. */
    static BpfAsm fork(int tidsFd, int parentPidOffset, int childPidOffset) {
        return new BpfAsm()
                .mov(R6, R1)
                .load(W, R1, R6, parentPidOffset)
                .store(W, R10, -4, R1)
                .lookupOrJump(tidsFd, -4, "out")
                .load(W, R7, R0, 0)
                .jumpImm(JEQ, R7, 0, "out")
                .load(W, R1, R6, childPidOffset).store(W, R10, -4, R1)
                .lookupOrJump(tidsFd, -4, "out")
                .store(W, R0, 0, R7)
                .label("out").movImm(R0, 0).exit();
    }

    /**
     * Raw tracepoint sched_process_fork (ctx->args: the parent, which is the current task, and the child's
     * {@code struct task_struct *}): the same rule as {@link #fork}, the child's pid read at
     * {@code childPidOffset} in its task_struct (from the kernel's BTF).
     */
    static BpfAsm forkRaw(int tidsFd, int childPidOffset) {
        return new BpfAsm()
                .mov(R6, R1)
                .call(FN_GET_CURRENT_PID_TGID)
                .store(W, R10, -4, R0) // the low 32 bits: the parent's thread id
                .lookupOrJump(tidsFd, -4, "out")
                .load(W, R7, R0, 0)
                .jumpImm(JEQ, R7, 0, "out")
                .storeImm(W, R10, -8, 0)
                .mov(R1, R10).addImm(R1, -8)
                .movImm(R2, 4)
                .load(DW, R3, R6, 8) // ctx->args[1]: the child
                .addImm(R3, childPidOffset)
                .call(FN_PROBE_READ_KERNEL)
                .jumpImm(JNE, R0, 0, "out")
                .lookupOrJump(tidsFd, -8, "out")
                .store(W, R0, 0, R7)
                .label("out").movImm(R0, 0).exit();
    }

    /** Tracepoint sched:sched_process_exec: an armed thread starts counting once it has exec'd. */
    static BpfAsm exec(int tidsFd) {
        return new BpfAsm()
                .call(FN_GET_CURRENT_PID_TGID)
                .store(W, R10, -4, R0)
                .lookupOrJump(tidsFd, -4, "out")
                .load(W, R1, R0, 0)
                .jumpImm(JNE, R1, ARMED, "out")
                .storeImm(W, R0, 0, COUNTING)
                .label("out").movImm(R0, 0).exit();
    }

    /** Tracepoint sched:sched_process_exit: forget an exiting thread, so a reused id is not counted. */
    static BpfAsm exit(int tidsFd) {
        return new BpfAsm()
                .call(FN_GET_CURRENT_PID_TGID)
                .store(W, R10, -4, R0)
                .lookupOrJump(tidsFd, -4, "out")
                .storeImm(W, R0, 0, 0)
                .label("out").movImm(R0, 0).exit();
    }

    /** The offset of a field in a tracepoint's format file, e.g. {@code field:pid_t child_pid; offset:20;}. */
    static int fieldOffset(String format, String field) throws IOException {
        Matcher m = Pattern.compile("field:[^;]*\\b" + Pattern.quote(field) + ";\\s*offset:(\\d+);\\s*size:4;")
                .matcher(format);
        if (!m.find()) {
            throw new IOException("no 4-byte field " + field + " in the tracepoint format");
        }
        return Integer.parseInt(m.group(1));
    }
}
