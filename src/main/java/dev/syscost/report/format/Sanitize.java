package dev.syscost.report.format;

/** Text that came from an input file, made safe to print on a terminal: no escape sequences, no line breaks. */
public final class Sanitize {
    private Sanitize() {}

    /**
     * {@code s} with every control or format character (ESC, CR, BEL, C1, bidi overrides…) shown as '?',
     * cut to {@code maxChars} with "..." when longer.
     */
    public static String line(String s, int maxChars) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), maxChars + 3));
        for (int i = 0; i < s.length() && out.length() < maxChars; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c);
        }
        return out.length() < s.length() && out.length() >= maxChars ? out + "..." : out.toString();
    }

    /** {@link #line} without a length limit. */
    public static String line(String s) {
        return line(s, Integer.MAX_VALUE - 3);
    }
}
