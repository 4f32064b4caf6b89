package dev.syscost.sys;

import java.util.Arrays;

/** The verifier rejected a BPF program: its one-line message names the first relevant log line; {@link #log()} has all. */
public final class BpfVerifierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String log;
    private final int errno;

    public BpfVerifierException(String program, int errno, String log) {
        super("the kernel's BPF verifier rejected program " + program + " (" + Errno.name(errno) + "): "
                + firstRelevantLine(log) + "; rerun with --verbose for the full verifier log");
        this.log = log;
        this.errno = errno;
    }

    /** The full verifier log. */
    public String log() {
        return log;
    }

    public int errno() {
        return errno;
    }

    /** The last line that is not bookkeeping (the verifier prints its reason just before the summary). */
    static String firstRelevantLine(String log) {
        String[] lines = log.strip().split("\\R");
        return Arrays.stream(lines).map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("processed ") && !l.startsWith("verification time")
                        && !l.startsWith("stack depth") && !l.startsWith("func#") && !l.matches("^\\d+: .*"))
                .reduce((a, b) -> b).orElse(lines.length == 0 ? "(empty log)" : lines[lines.length - 1]);
    }
}
