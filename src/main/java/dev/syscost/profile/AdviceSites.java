package dev.syscost.profile;

import dev.syscost.profile.stacks.CallStack;
import dev.syscost.profile.stacks.Frame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Puts the top call sites behind each advice rule that fired, each with the fix for that site. */
public final class AdviceSites {
    /** Call sites listed per rule. */
    static final int TOP = 3;
    /** A site with less than this share of its rule's calls is not worth a fix of its own (JVM start-up, class loading). */
    static final double MIN_SHARE = 0.01;

    /**
     * One call site behind a rule.
     *
     * @param site the innermost application frame; {@code via} the frame it called on the way to the kernel
     */
    public record Site(String site, String via, String syscall, long count, boolean exact, String fix) {}

    private static final Map<String, Set<String>> SYSCALLS = Map.of(
            "tiny-io", Set.of("read", "write", "pread64", "pwrite64", "readv", "writev"),
            "futex-storm", Set.of("futex", "futex_waitv"),
            "small-messages", Set.of("sendto", "recvfrom", "sendmsg", "recvmsg"),
            "busy-polling", Set.of("poll", "ppoll", "select", "pselect6", "epoll_wait", "epoll_pwait", "epoll_pwait2"),
            "stat-storm", Set.of("fstat", "newfstatat", "stat", "lstat", "statx", "lseek"),
            "mmap-churn", Set.of("mmap", "munmap", "mremap", "madvise"),
            "clock-syscalls", Set.of("clock_gettime", "gettimeofday", "time"));

    private AdviceSites() {}

    /** The items with their call sites where stacks were taken; unchanged otherwise. */
    static List<Advice.Item> attach(List<Advice.Item> items, CallSites.Report stacks) {
        if (stacks == null) {
            return items;
        }
        List<Advice.Item> out = new ArrayList<>();
        for (Advice.Item i : items) {
            Set<String> calls = SYSCALLS.getOrDefault(i.rule(), Set.of());
            out.add(new Advice.Item(i.rule(), i.threshold(), i.observed(), i.advice(), top(i.rule(), calls, stacks.stacks())));
        }
        return out;
    }

    static List<Site> top(String rule, Set<String> syscalls, List<CallStack> stacks) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, CallStack> first = new LinkedHashMap<>();
        for (CallStack s : stacks) {
            if (syscalls.contains(s.syscall()) && !s.site().module().equals("[syscost]")) {
                String key = s.site().label() + "\u0000" + s.syscall();
                sums.computeIfAbsent(key, k -> new long[1])[0] += s.count();
                first.putIfAbsent(key, s);
            }
        }
        long total = sums.values().stream().mapToLong(c -> c[0]).sum();
        return sums.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
                .limit(TOP)
                .filter(e -> e.getValue()[0] >= MIN_SHARE * total)
                .map(e -> {
                    CallStack s = first.get(e.getKey());
                    Frame via = s.via();
                    return new Site(s.site().label(), via == null ? null : via.label(), s.syscall(), e.getValue()[0],
                            s.exact(), fix(rule, s.site(), via, s.syscall()));
                })
                .toList();
    }

    /** The fix, worded for the site: a Java method gets the Java remedy, native code the C one. */
    static String fix(String rule, Frame site, Frame via, String syscall) {
        boolean java = site.module().equals(dev.syscost.profile.stacks.Symbolizer.JIT);
        // The interpreter has no method names in the perf map: say what the frame is, not "in Interpreter".
        String where = site.kind().equals("interpreter")
                ? "interpreted Java code (methods not yet JIT-compiled, most likely the compiled site's own early calls)"
                : site.symbol();
        return switch (rule) {
            case "tiny-io" -> java
                    ? "in " + where + ": wrap the stream in a BufferedOutputStream/BufferedInputStream (or a 64 KiB ByteBuffer) so each " + syscall + " moves a block"
                    : "in " + where + ": buffer (setvbuf, a 64 KiB buffer, or readv/writev) so each " + syscall + " moves a block";
            case "stat-storm" -> java
                    ? "in " + where + ": keep the size or attributes you asked for (Files.size/readAttributes once), or use the channel's position"
                    : "in " + where + ": cache the metadata, or use pread/pwrite instead of lseek + read";
            case "futex-storm" -> "in " + where + ": the lock it takes" + (via == null ? "" : " (via " + via.symbol() + ")")
                    + " is contended: hold it shorter, shard it, or hand work over in batches";
            case "small-messages" -> "in " + where + ": send/receive in batches (sendmmsg/recvmmsg), or coalesce into one larger write";
            case "busy-polling" -> "in " + where + ": block with a timeout instead of polling with a zero one";
            case "mmap-churn" -> "in " + where + ": reuse the buffer instead of mapping and returning it each time";
            case "clock-syscalls" -> "in " + where + ": read the time less often, or use a vDSO clock (CLOCK_MONOTONIC on a tsc clocksource)";
            default -> "look at " + where;
        };
    }
}
