package dev.syscost.profile;

import dev.syscost.profile.stacks.CallStack;
import dev.syscost.profile.stacks.Frame;
import dev.syscost.profile.stacks.StackSummary;
import dev.syscost.profile.stacks.Symbolizer;
import dev.syscost.sys.SyscallTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns the kernel's (process, syscall, stack) counts into resolved call stacks and their summary. */
public final class CallSites {
    /** Where a thread's frame chain legitimately ends: a walk that stops elsewhere stopped early. */
    private static final Set<String> ROOTS = Set.of("_start", "__libc_start_main", "__libc_start_call_main",
            "start_thread", "clone", "clone3", "__clone", "__clone3", "thread_start", "__GI___clone3");

    // bpf_get_stackid's failures (kernel/bpf/stackmap.c), kept here as the stack id's negation
    private static final int ENOMEM = 12, EFAULT = 14, EEXIST = 17;

    /** The stacks and the summary, ready for the result. */
    public record Report(List<CallStack> stacks, StackSummary summary) {}

    private CallSites() {}

    /** Resolves every site; {@code javaToolOptions} is what run mode appended, or null. */
    static Report build(StackProfiler.Snapshot snap, Symbolizer symbols, String javaToolOptions, List<String> notesIn) {
        SyscallTable table = SyscallTable.x86_64();
        int period = snap.period();
        Map<String, Agg> merged = new LinkedHashMap<>();
        Map<Integer, Map<Integer, Resolved>> resolved = new HashMap<>();
        long walked = 0, collisions = 0, mapFull = 0, noStack = 0;
        for (StackProfiler.Site s : snap.sites()) {
            walked += s.count();
            Resolved r;
            if (s.stackId() >= 0) {
                r = resolved.computeIfAbsent(s.stackId(), k -> new HashMap<>())
                        .computeIfAbsent(s.tgid(), k -> resolve(s.tgid(), snap.stacks().get(s.stackId()), symbols));
            } else {
                int errno = -s.stackId();
                if (errno == EEXIST) {
                    collisions += s.count();
                } else if (errno == ENOMEM) {
                    mapFull += s.count();
                } else {
                    noStack += s.count();
                }
                r = new Resolved(List.of(new Frame("[no stack: " + failure(errno) + "]", "[syscost]", "unknown")), true);
            }
            String syscall = s.nr() >= 0 && s.nr() < CountingPrograms.SLOTS ? table.name(s.nr()) : "syscall_" + Integer.toUnsignedString(s.nr());
            String key = s.tgid() + "\u0000" + syscall + "\u0000" + r.frames();
            merged.computeIfAbsent(key, k -> new Agg(s.tgid(), syscall, r)).calls += s.count();
        }
        List<CallStack> stacks = new ArrayList<>();
        long truncatedCalls = 0, javaCalls = 0, namedJava = 0, attributed = 0;
        for (Agg a : merged.values()) {
            stacks.add(stack(a, period));
            if (!a.r.frames().get(0).module().equals("[syscost]")) {
                attributed += a.calls;
                truncatedCalls += a.r.truncated() ? a.calls : 0;
            }
            Frame java = a.r.frames().stream().filter(Frame::isJava).findFirst().orElse(null);
            if (java != null) {
                javaCalls += a.calls;
                namedJava += java.kind().equals("interpreter") ? 0 : a.calls;
            }
        }
        stacks.sort(Comparator.comparingLong(CallStack::count).reversed().thenComparing(CallStack::syscall));
        double truncatedShare = attributed == 0 ? 0 : truncatedCalls / (double) attributed;
        List<String> notes = new ArrayList<>(notesIn);
        notes.addAll(notes(symbols, snap, collisions, mapFull, truncatedShare));
        boolean exact = period == 1 && collisions + mapFull + snap.hashFull() == 0;
        return new Report(List.copyOf(stacks), new StackSummary(period, exact, walked, collisions, mapFull, noStack,
                snap.hashFull(), truncatedShare, javaCalls == 0 ? null : namedJava / (double) javaCalls, javaToolOptions,
                List.copyOf(notes)));
    }

    private static final class Agg {
        final int pid;
        final String syscall;
        final Resolved r;
        long calls;

        Agg(int pid, String syscall, Resolved r) {
            this.pid = pid;
            this.syscall = syscall;
            this.r = r;
        }
    }

    private record Resolved(List<Frame> frames, boolean truncated) {}

    private static CallStack stack(Agg a, int period) {
        if (period == 1) {
            return new CallStack(a.pid, a.syscall, a.calls, true, null, null, a.r.truncated(), a.r.frames());
        }
        // each call walked with probability p = 1/period: k walked estimate k/p, sd about sqrt(k (1 - p)) / p
        double half = 1.96 * Math.sqrt(a.calls * (1 - 1.0 / period)) * period;
        long est = a.calls * period;
        return new CallStack(a.pid, a.syscall, est, false, Math.max(0, Math.round(est - half)), Math.round(est + half),
                a.r.truncated(), a.r.frames());
    }

    private static Resolved resolve(int pid, long[] ips, Symbolizer symbols) {
        if (ips == null || ips.length == 0) {
            return new Resolved(List.of(new Frame("[no stack: evicted]", "[syscost]", "unknown")), true);
        }
        int n = ips.length;
        // a broken frame-pointer chain can loop on one address up to the depth limit: keep one of it
        boolean looped = false;
        while (n >= 3 && ips[n - 1] == ips[n - 2] && ips[n - 2] == ips[n - 3]) {
            n--;
            looped = true;
        }
        if (looped) {
            n--;
        }
        List<Frame> frames = new ArrayList<>(n);
        boolean astray = false;
        for (int i = 0; i < n; i++) {
            Frame f = symbols.resolve(pid, ips[i], i > 0);
            if (f == null) {
                astray = true;
                break;
            }
            frames.add(f);
        }
        Frame outermost = frames.get(frames.size() - 1);
        // threads start in libc (start_thread, __libc_start_call_main), often without an exported symbol
        boolean rooted = ROOTS.contains(outermost.symbol()) || frames.size() > 1 && outermost.kind().equals("libc");
        boolean truncated = looped || astray || ips.length >= StackProfiler.MAX_DEPTH || !rooted;
        return new Resolved(List.copyOf(frames), truncated);
    }

    private static String failure(int errno) {
        return switch (errno) {
            case EEXIST -> "stack map collision";
            case ENOMEM -> "stack map full";
            case EFAULT -> "no user stack";
            default -> "errno " + errno;
        };
    }

    private static List<String> notes(Symbolizer symbols, StackProfiler.Snapshot snap, long collisions, long mapFull,
                                      double truncatedShare) {
        List<String> out = new ArrayList<>();
        if (!symbols.modulesWithoutSymbols().isEmpty()) {
            out.add("no symbol covered some addresses in " + String.join(", ", symbols.modulesWithoutSymbols())
                    + " (stripped, or code outside every symbol): shown as [unknown] with the module");
        }
        symbols.unreadableFiles().forEach((file, why) -> out.add("could not read symbols of " + file + ": " + why));
        if (collisions + mapFull > 0) {
            out.add(String.format(Locale.ROOT, "%d walked calls lost their stack (%d stack map collisions, %d with the stack map full): "
                    + "counted as [no stack: ...] under their syscall", collisions + mapFull, collisions, mapFull));
        }
        if (snap.hashFull() > 0) {
            out.add(snap.hashFull() + " walked calls were not attributed: the (process, syscall, stack) map was full");
        }
        return out;
    }
}
