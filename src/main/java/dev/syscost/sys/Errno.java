package dev.syscost.sys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Names and descriptions of errno values, from the UAPI table kept as data in {@code errno.tsv}. */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EINVAL = 22;
    public static final int EMFILE = 24;
    public static final int ENOSYS = 38;
    public static final int EOPNOTSUPP = 95;

    private record Entry(String name, String description) {}

    private static final class Table {
        static final Map<Integer, Entry> ENTRIES = load();

        private static Map<Integer, Entry> load() {
            Map<Integer, Entry> map = new HashMap<>();
            try (InputStream in = Errno.class.getResourceAsStream("errno.tsv");
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cols = line.split("\t", 3);
                    // The first name of a number wins: EAGAIN before EWOULDBLOCK, as strerror does.
                    map.putIfAbsent(Integer.parseInt(cols[0]), new Entry(cols[1], cols.length > 2 ? cols[2] : ""));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(map);
        }
    }

    private Errno() {}

    /** The symbolic name, e.g. {@code ENOSYS}; {@code errno N} when the table does not know it. */
    public static String name(int errno) {
        Entry e = Table.ENTRIES.get(errno);
        return e == null ? "errno " + errno : e.name();
    }

    /** The header's one-line description, e.g. "Invalid system call number". */
    public static String description(int errno) {
        Entry e = Table.ENTRIES.get(errno);
        return e == null ? "unknown error" : e.description();
    }
}
