package dev.syscost.env;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The first processor block of /proc/cpuinfo, parsed (every CPU of a machine reports the same flags). */
record CpuInfo(Map<String, String> fields, Set<String> flags, List<String> bugs, int processors) {
    static final CpuInfo EMPTY = new CpuInfo(Map.of(), Set.of(), List.of(), 0);

    static CpuInfo parse(String text) {
        Map<String, String> fields = new HashMap<>();
        int processors = 0;
        boolean first = true;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                if (line.isBlank() && processors > 0) {
                    first = false;
                }
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("processor")) {
                processors++;
            }
            if (first) {
                fields.putIfAbsent(key, value);
            }
        }
        Set<String> flags = new LinkedHashSet<>(words(fields.get("flags")));
        return new CpuInfo(Map.copyOf(fields), Set.copyOf(flags), words(fields.get("bugs")), processors);
    }

    String get(String key) {
        String v = fields.get(key);
        return v == null || v.isEmpty() ? Kernel.UNKNOWN : v;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }
}
