package dev.syscost.profile.stacks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The calls of one syscall made from one user stack of one process.
 *
 * @param count     the calls (exact), or the estimate count × period when sampled
 * @param exact     whether every call was walked
 * @param countLow  the estimate's 95 % interval (null when exact)
 * @param countHigh see countLow
 * @param truncated whether the walk stopped before the thread's first frame (no frame pointers)
 * @param frames    innermost first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"pid", "syscall", "count", "exact", "countLow", "countHigh", "truncated", "frames"})
public record CallStack(int pid, String syscall, long count, boolean exact, Long countLow, Long countHigh,
                        boolean truncated, List<Frame> frames) {
    /** The innermost application frame: the program's own code, past libc, the JDK and the JVM. */
    public Frame site() {
        for (Frame f : frames) {
            if (f.isApplication()) {
                return f;
            }
        }
        // no code of the program's own: an interpreted caller is the best lead, else the first past libc
        for (Frame f : frames) {
            if (f.kind().equals("interpreter")) {
                return f;
            }
        }
        for (Frame f : frames) {
            if (!f.kind().equals("libc")) {
                return f;
            }
        }
        return frames.isEmpty() ? new Frame(Frame.UNKNOWN, "?", "unknown") : frames.get(0);
    }

    /** The frame just inside the site (what it called on the way to the kernel), or null. */
    public Frame via() {
        int i = frames.indexOf(site());
        return i > 0 ? frames.get(i - 1) : null;
    }
}
