package dev.syscost;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for sizes in bytes, shared by every command (through {@code cli.ByteSizeConverter}) and by
 * the defaults of the measurers: a whole number with an optional K, M or G suffix, any case, optionally
 * followed by "iB" or "B". Suffixes are binary, as every syscost size has always been: K = KB = KiB = 1024,
 * M = 1024², G = 1024³ (buffers and working sets come in pages, so 4K means 4096 here, never 4000).
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*(?:([kmg])(?:i?b)?|b)?");

    private ByteSize() {}

    /** "64" → 64, "4k" → 4096, "4 KiB" → 4096, "1M" → 1048576, "1GB" → 1073741824. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(notASize(text));
        }
        int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            default -> 30;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(notASize(text), e);
        }
    }

    private static String notASize(String text) {
        return "'" + text.strip() + "' is not a size; write bytes with an optional K, M or G suffix (1024-based),"
                + " e.g. 64, 4K, 4KiB or 1M";
    }
}
