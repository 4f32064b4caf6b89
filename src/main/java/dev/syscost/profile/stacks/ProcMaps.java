package dev.syscost.profile.stacks;

import java.util.ArrayList;
import java.util.List;

/** One snapshot of {@code /proc/PID/maps}: the file-backed and anonymous ranges, sorted by address. */
public record ProcMaps(List<Mapping> mappings) {
    /** {@code start-end perms offset dev inode path}; path is "" for anonymous memory. */
    public record Mapping(long start, long end, boolean executable, long offset, String path) {
        /** The module name shown beside a frame: the file's base name, or the bracketed pseudo-path. */
        public String module() {
            int slash = path.lastIndexOf('/');
            String base = slash >= 0 ? path.substring(slash + 1) : path;
            return base.endsWith(" (deleted)") ? base.substring(0, base.length() - 10) : base;
        }

        public boolean isFile() {
            return path.startsWith("/");
        }
    }

    /** Parses the text of a maps file; lines that do not parse are skipped. */
    public static ProcMaps parse(String text) {
        List<Mapping> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length < 5) {
                continue;
            }
            int dash = f[0].indexOf('-');
            try {
                long start = Long.parseUnsignedLong(f[0].substring(0, dash), 16);
                long end = Long.parseUnsignedLong(f[0].substring(dash + 1), 16);
                long offset = Long.parseUnsignedLong(f[2], 16);
                out.add(new Mapping(start, end, f[1].indexOf('x') >= 0, offset, f.length == 6 ? f[5] : ""));
            } catch (RuntimeException e) {
                // not a maps line
            }
        }
        out.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        return new ProcMaps(List.copyOf(out));
    }

    /** The mapping holding {@code address}, or null. */
    public Mapping find(long address) {
        int lo = 0, hi = mappings.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Mapping m = mappings.get(mid);
            if (Long.compareUnsigned(address, m.start()) < 0) {
                hi = mid - 1;
            } else if (Long.compareUnsigned(address, m.end()) >= 0) {
                lo = mid + 1;
            } else {
                return m;
            }
        }
        return null;
    }
}
