package dev.syscost.indirect;

import dev.syscost.InvalidSettingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the command line's lists of intervals like {@code 1,16,never}, disturbers and workloads; labels sizes (16K, 4M). Sizes themselves parse with {@link dev.syscost.ByteSize}. */
public final class SizeParser {
    private SizeParser() {}

    /** "1,4,16,never" → [1, 4, 16]; "never" is the baseline, which is always measured. */
    public static List<Integer> ks(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            String s = part.trim().toLowerCase(Locale.ROOT);
            if (s.equals("never")) {
                continue;
            }
            long k;
            try {
                k = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException("ks", ": '" + part.trim() + "' is not a number or 'never'; write e.g. 1,16,256,never", null);
            }
            out.add((int) InvalidSettingException.requireRange("ks", k, 1, IndirectConfig.MAX_K));
        }
        return out.stream().distinct().toList();
    }

    /** "getppid,pread_4k" → disturbers. */
    public static List<Disturber> disturbers(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(Disturber::parse).distinct().toList();
    }

    /** "chase,branchy" → workloads. */
    public static List<Workload> workloads(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(Workload::parse).distinct().toList();
    }

    /** 16384 → "16K", 4194304 → "4M". */
    public static String label(long bytes) {
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "M";
        }
        if (bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "K";
        }
        return Long.toString(bytes);
    }
}
