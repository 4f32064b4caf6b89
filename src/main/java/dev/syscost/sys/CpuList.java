package dev.syscost.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The kernel's CPU list format ({@code 0-3,5}), as in /sys/devices/system/cpu/{possible,online}. */
public final class CpuList {
    private CpuList() {}

    /** The CPUs listed in the file, or just CPU 0 when it cannot be read. */
    public static List<Integer> read(String file) {
        try {
            return parse(ProcFiles.read(Path.of(file)));
        } catch (IOException e) {
            return List.of(0);
        }
    }

    static int count(String file) {
        List<Integer> cpus = read(file);
        return cpus.isEmpty() ? 1 : cpus.get(cpus.size() - 1) + 1;
    }

    /** Parses {@code 0-3,5}. */
    public static List<Integer> parse(String text) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : text.strip().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int hi = dash < 0 ? lo : Integer.parseInt(part.substring(dash + 1));
            for (int c = lo; c <= hi; c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }
}
