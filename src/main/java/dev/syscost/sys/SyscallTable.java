package dev.syscost.sys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The x86-64 syscall table, kept as data generated from the kernel's UAPI {@code unistd_64.h} by
 * {@code tools/gen-tables.sh}: numbers are never typed by hand.
 */
public final class SyscallTable {
    private static final class Holder {
        static final SyscallTable X86_64 = load("syscalls-x86_64.tsv");
    }

    private final Map<Integer, String> names;
    private final Map<String, Integer> numbers;
    private final String source;
    private final int maxNumber;

    private SyscallTable(Map<Integer, String> names, String source) {
        this.names = names;
        this.source = source;
        this.maxNumber = names.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        Map<String, Integer> inverse = new HashMap<>();
        names.forEach((nr, name) -> inverse.put(name, nr));
        this.numbers = Map.copyOf(inverse);
    }

    /** The table of the architecture syscost runs on. */
    public static SyscallTable x86_64() {
        return Holder.X86_64;
    }

    private static SyscallTable load(String resource) {
        Map<Integer, String> names = new TreeMap<>();
        String source = resource;
        try (InputStream in = SyscallTable.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("# generated")) {
                    source = line.substring(2);
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                names.put(Integer.parseInt(cols[0]), cols[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SyscallTable(java.util.Collections.unmodifiableMap(names), source);
    }

    /** The name of syscall {@code nr}, or {@code syscall_NNN} for numbers newer than the table. */
    public String name(int nr) {
        String name = names.get(nr);
        return name != null ? name : "syscall_" + nr;
    }

    /** The number of a syscall by name; throws for a name the table lacks. */
    public int number(String name) {
        Integer nr = numbers.get(name);
        if (nr == null) {
            throw new IllegalArgumentException("no x86-64 syscall named " + name);
        }
        return nr;
    }

    /** The highest number in the table. */
    public int maxNumber() {
        return maxNumber;
    }

    /** Where the table came from (header path and package version). */
    public String source() {
        return source;
    }

    public int size() {
        return names.size();
    }
}
