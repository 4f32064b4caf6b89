package dev.syscost.report.profile;

import dev.syscost.profile.AdviceSites;
import dev.syscost.profile.ProfileResult;
import dev.syscost.profile.stacks.CallStack;
import dev.syscost.profile.stacks.Frame;
import dev.syscost.profile.stacks.StackSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The terminal view of {@code profile --stacks}: the top call sites of each syscall, and how they were counted. */
public final class ProfileStacksText {
    /** Syscalls shown, and call sites under each. */
    static final int SYSCALLS = 8;
    static final int SITES = 5;

    private ProfileStacksText() {}

    static String render(ProfileResult r, boolean full) {
        StackSummary s = r.callSites();
        StringBuilder sb = new StringBuilder();
        sb.append(s.stackPeriod() == 1
                ? "Call sites (every call's user stack walked in the kernel: exact counts)\n"
                : fmt("Call sites (one call in %d walked, at random: estimates, walked calls x %d, 95%% interval in --json)%n",
                        s.stackPeriod(), s.stackPeriod()));
        Map<String, List<CallStack>> bySyscall = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (CallStack c : r.stacks()) {
            totals.merge(c.syscall(), c.count(), Long::sum);
        }
        totals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(SYSCALLS)
                .forEach(e -> bySyscall.put(e.getKey(), new ArrayList<>()));
        for (CallStack c : r.stacks()) {
            if (bySyscall.containsKey(c.syscall())) {
                bySyscall.get(c.syscall()).add(c);
            }
        }
        for (Map.Entry<String, List<CallStack>> e : bySyscall.entrySet()) {
            long total = totals.get(e.getKey());
            sb.append(fmt("  %s: %,d calls%n", e.getKey(), total));
            for (Site site : sites(e.getValue()).stream().limit(SITES).toList()) {
                sb.append(fmt("    %12s %6.1f%%  %s%s%n", count(site), 100.0 * site.count / Math.max(1, total), site.label,
                        site.via == null ? "" : "  (via " + site.via + ")"));
                if (full) {
                    for (Frame f : site.example.frames()) {
                        sb.append("                          ").append(f.label()).append('\n');
                    }
                }
            }
        }
        sb.append(summary(s));
        return sb.toString();
    }

    private static final class Site {
        String label;
        String via;
        long count;
        long low;
        long high;
        boolean exact = true;
        CallStack example;
    }

    /** Stacks merged by their innermost application frame (what the reader can change), largest first. */
    private static List<Site> sites(List<CallStack> stacks) {
        Map<String, Site> by = new LinkedHashMap<>();
        for (CallStack c : stacks) {
            Frame site = c.site();
            Site s = by.computeIfAbsent(site.label(), k -> new Site());
            s.label = site.label();
            if (s.example == null || c.count() > s.example.count()) {
                s.example = c;
                Frame via = c.via();
                s.via = via == null ? null : via.label();
            }
            s.count += c.count();
            s.exact &= c.exact();
            s.low += c.countLow() == null ? c.count() : c.countLow();
            s.high += c.countHigh() == null ? c.count() : c.countHigh();
        }
        List<Site> out = new ArrayList<>(by.values());
        out.sort(Comparator.comparingLong((Site s) -> s.count).reversed());
        return out;
    }

    private static String count(Site s) {
        return s.exact ? fmt("%,d", s.count) : fmt("~%,d", s.count);
    }

    private static String summary(StackSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(fmt("  stacks walked: %,d calls", s.callsWalked()));
        if (s.stackIdCollisions() + s.stackMapFull() + s.noUserStack() + s.siteMapFull() > 0) {
            sb.append(fmt("; lost: %,d stack map collisions, %,d stack map full, %,d without a user stack, %,d site map full",
                    s.stackIdCollisions(), s.stackMapFull(), s.noUserStack(), s.siteMapFull()));
        } else {
            sb.append("; none lost");
        }
        sb.append(fmt("; %.0f%% stopped before the thread's first frame%n", 100 * s.truncatedShare()));
        if (s.namedJavaShare() != null) {
            sb.append(fmt("  Java: %.1f%% of the calls made from Java have a named method as their innermost Java frame"
                    + " (the rest: Interpreter)%n", 100 * s.namedJavaShare()));
        }
        if (s.javaToolOptions() != null) {
            sb.append("  JAVA_TOOL_OPTIONS: appended ").append(s.javaToolOptions())
                    .append(" (frame pointers and the JIT's perf map, for Java frames)\n");
        }
        s.notes().forEach(n -> sb.append("  - ").append(n).append('\n'));
        return sb.toString();
    }

    static String adviceSites(List<AdviceSites.Site> sites) {
        StringBuilder sb = new StringBuilder();
        for (AdviceSites.Site s : sites) {
            sb.append(fmt("      %s%,d %s calls from %s%s%n        fix: %s%n", s.exact() ? "" : "~", s.count(), s.syscall(), s.site(),
                    s.via() == null ? "" : " (via " + s.via() + ")", s.fix()));
        }
        return sb.toString();
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
