package dev.syscost.profile.stacks;

import java.util.ArrayList;
import java.util.List;

/**
 * A JIT's perf map ({@code /tmp/perf-PID.map}): lines {@code START SIZE NAME}, hex addresses, as the JVM
 * writes them with {@code jcmd PID Compiler.perfmap} or {@code -XX:+DumpPerfMapAtExit}. Later lines win
 * where code was replaced at the same address.
 */
public final class PerfMap {
    private final long[] starts;
    private final long[] ends;
    private final String[] names;

    private PerfMap(long[] starts, long[] ends, String[] names) {
        this.starts = starts;
        this.ends = ends;
        this.names = names;
    }

    public static final PerfMap EMPTY = new PerfMap(new long[0], new long[0], new String[0]);

    /** Parses the file's text; malformed lines are skipped. */
    public static PerfMap parse(String text) {
        List<Object[]> rows = new ArrayList<>();
        int order = 0;
        for (String line : text.split("\n")) {
            String[] f = line.split(" ", 3);
            if (f.length < 3) {
                continue;
            }
            try {
                long start = Long.parseUnsignedLong(strip0x(f[0]), 16);
                long size = Long.parseUnsignedLong(strip0x(f[1]), 16);
                rows.add(new Object[] {start, start + Math.max(size, 1), f[2].strip(), order++});
            } catch (RuntimeException e) {
                // not a perf map line
            }
        }
        // by start, then later lines first, so that a lookup finds the newest code at an address
        rows.sort((a, b) -> {
            int c = Long.compareUnsigned((Long) a[0], (Long) b[0]);
            return c != 0 ? c : Integer.compare((Integer) b[3], (Integer) a[3]);
        });
        long[] s = new long[rows.size()];
        long[] e = new long[rows.size()];
        String[] n = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            s[i] = (Long) rows.get(i)[0];
            e[i] = (Long) rows.get(i)[1];
            n[i] = (String) rows.get(i)[2];
        }
        return new PerfMap(s, e, n);
    }

    private static String strip0x(String s) {
        return s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    }

    /** The name of the code holding {@code address}, or null. */
    public String symbolAt(long address) {
        int lo = 0, hi = starts.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], address) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        // among covering entries the one starting closest below wins; at one start, the newest (lowest index)
        int best = -1;
        for (int j = found; j >= 0 && j > found - 64; j--) {
            if (best >= 0 && starts[j] != starts[best]) {
                break;
            }
            if (Long.compareUnsigned(address, ends[j]) < 0) {
                best = j;
            }
        }
        if (best >= 0) {
            return names[best];
        }
        return null;
    }

    public int size() {
        return names.length;
    }

    /**
     * A JVM method name as a stack frame: {@code void W.run(java.lang.String[])} becomes {@code W.run};
     * stub names ({@code Interpreter}, {@code StubRoutines (initialstubs)}) stay as they are.
     */
    public static String javaMethod(String name) {
        int paren = name.indexOf('(');
        if (paren <= 0) {
            return name;
        }
        String s = name.substring(0, paren).strip();
        if (s.indexOf(' ') < 0) {
            return name; // a stub such as "StubRoutines (initialstubs)"
        }
        return s.substring(s.lastIndexOf(' ') + 1);
    }
}
