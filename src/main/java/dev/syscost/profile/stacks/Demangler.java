package dev.syscost.profile.stacks;

/**
 * Just enough of the Itanium C++ name demangling for a stack frame: the nested name without its
 * parameters ({@code _ZN9JavaCalls11call_helperEP9JavaValue...} → {@code JavaCalls::call_helper}).
 * Anything it does not follow comes back unchanged.
 */
final class Demangler {
    private Demangler() {}

    static String demangle(String name) {
        if (!name.startsWith("_Z")) {
            return name;
        }
        int at = 2;
        if (at < name.length() && name.charAt(at) == 'L') {
            at++;
        }
        StringBuilder out = new StringBuilder();
        if (at < name.length() && name.charAt(at) == 'N') {
            at++;
            while (at < name.length() && "rVKRO".indexOf(name.charAt(at)) >= 0) {
                at++;
            }
            while (at < name.length() && name.charAt(at) != 'E') {
                int end = component(name, at, out);
                if (end < 0) {
                    return out.isEmpty() ? name : out.toString();
                }
                at = end;
            }
            return out.isEmpty() ? name : out.toString();
        }
        return component(name, at, out) < 0 ? name : out.toString();
    }

    /** Appends one length-prefixed source name; returns the index after it, or -1. */
    private static int component(String name, int at, StringBuilder out) {
        int digits = at;
        while (digits < name.length() && Character.isDigit(name.charAt(digits))) {
            digits++;
        }
        if (digits == at) {
            if (name.startsWith("C1", at) || name.startsWith("C2", at)) {
                appendName(out, lastComponent(out));
                return at + 2;
            }
            if (name.startsWith("D0", at) || name.startsWith("D1", at) || name.startsWith("D2", at)) {
                appendName(out, "~" + lastComponent(out));
                return at + 2;
            }
            return -1;
        }
        int len = Integer.parseInt(name.substring(at, Math.min(digits, at + 6)));
        if (digits + len > name.length()) {
            return -1;
        }
        appendName(out, name.substring(digits, digits + len));
        return digits + len;
    }

    private static String lastComponent(StringBuilder out) {
        int sep = out.lastIndexOf("::");
        return sep < 0 ? out.toString() : out.substring(sep + 2);
    }

    private static void appendName(StringBuilder out, String part) {
        if (!out.isEmpty()) {
            out.append("::");
        }
        out.append(part);
    }
}
