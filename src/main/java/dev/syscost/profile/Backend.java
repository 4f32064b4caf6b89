package dev.syscost.profile;

/** How a profile is counted, best first. */
public enum Backend {
    /** eBPF on raw_syscalls:sys_enter: exact counts per syscall. */
    BPF("eBPF program on the raw tracepoint sys_enter, counting per syscall number in a per-CPU map, filtered to the target's threads"),
    /** One perf counting event on raw_syscalls:sys_enter: the exact total, no breakdown. */
    PERF("perf counting event on raw_syscalls:sys_enter (inherited by threads and children): the exact total, no per-syscall breakdown"),
    /** /proc accounting: read/write-family counts and bytes, CPU times. */
    PROC("/proc accounting: read/write-family call counts and bytes from /proc/PID/io, CPU times from /proc/PID/stat; no other syscall is counted");

    private final String description;

    Backend(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The lower-case name used on the command line and in JSON. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
