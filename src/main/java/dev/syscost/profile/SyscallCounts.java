package dev.syscost.profile;

import dev.syscost.sys.SyscallTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Syscall counts by number at one moment. The last slot gathers numbers outside the table's range
 * (x32 calls, -1, numbers newer than {@link CountingPrograms#SLOTS}).
 *
 * @param zeroTimeoutWaits poll, epoll_wait and epoll_pwait calls made with a zero timeout (also in byNumber)
 */
public record SyscallCounts(long[] byNumber, long zeroTimeoutWaits) {
    /** Counts without the zero-timeout figure. */
    public SyscallCounts(long[] byNumber) {
        this(byNumber, 0);
    }

    /** One syscall's count. */
    public record Entry(int number, String name, long count) {}

    /** All kernel entries counted. */
    public long total() {
        long sum = 0;
        for (long c : byNumber) {
            sum += c;
        }
        return sum;
    }

    /** The count of syscall {@code name}, 0 when it never ran. */
    public long count(String name) {
        int nr = SyscallTable.x86_64().number(name);
        return nr < byNumber.length - 1 ? byNumber[nr] : 0;
    }

    /** Non-zero counts, largest first, ties by number. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        SyscallTable table = SyscallTable.x86_64();
        for (int nr = 0; nr < byNumber.length; nr++) {
            if (byNumber[nr] > 0) {
                String name = nr == byNumber.length - 1 ? "other (x32 or out-of-range numbers)" : table.name(nr);
                out.add(new Entry(nr, name, byNumber[nr]));
            }
        }
        out.sort(Comparator.comparingLong(Entry::count).reversed().thenComparingInt(Entry::number));
        return out;
    }

    /** These counts minus an earlier snapshot of the same profiler. */
    public SyscallCounts minus(SyscallCounts earlier) {
        long[] d = byNumber.clone();
        for (int i = 0; i < d.length && i < earlier.byNumber.length; i++) {
            d[i] -= earlier.byNumber[i];
        }
        return new SyscallCounts(d, zeroTimeoutWaits - earlier.zeroTimeoutWaits);
    }
}
