package dev.syscost.profile.stacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns user-space return addresses into frames: {@code /proc/PID/maps} snapshots (newest first, so an
 * address mapped only earlier still resolves after a library was unloaded or the process exited), each
 * mapped file's ELF symbols (read once, shared by build id), and the JVM's perf map for anonymous code.
 */
public final class Symbolizer {
    public static final String JIT = "[jit]";
    private static final int SNAPSHOTS_KEPT = 16;

    private final Map<Integer, List<ProcMaps>> maps = new HashMap<>();
    private final Map<Integer, PerfMap> perfMaps = new HashMap<>();
    private final Map<String, ElfSymbols> byFile = new HashMap<>();
    private final Map<String, ElfSymbols> byBuildId = new HashMap<>();
    private final Map<String, String> unreadable = new HashMap<>();
    private final Set<String> withoutSymbols = new TreeSet<>();

    /** Adds a maps snapshot of {@code pid}, taken now. */
    public synchronized void addMaps(int pid, ProcMaps snapshot) {
        List<ProcMaps> list = maps.computeIfAbsent(pid, k -> new ArrayList<>());
        if (!list.isEmpty() && list.get(0).equals(snapshot)) {
            return;
        }
        list.add(0, snapshot);
        if (list.size() > SNAPSHOTS_KEPT) {
            list.remove(list.size() - 1);
        }
    }

    /** Sets the JIT perf map of {@code pid}. */
    public synchronized void setPerfMap(int pid, PerfMap map) {
        perfMaps.put(pid, map);
    }

    public synchronized boolean hasMaps(int pid) {
        return maps.containsKey(pid);
    }

    public synchronized boolean hasPerfMap(int pid) {
        return perfMaps.containsKey(pid);
    }

    /** Whether the process mapped libjvm.so: a JVM. */
    public synchronized boolean isJvm(int pid) {
        return maps.getOrDefault(pid, List.of()).stream().flatMap(m -> m.mappings().stream())
                .anyMatch(m -> m.module().equals("libjvm.so"));
    }

    /** Modules where some address had no symbol: stripped files, or code outside every symbol. */
    public synchronized Set<String> modulesWithoutSymbols() {
        return Set.copyOf(withoutSymbols);
    }

    /** Mapped files that could not be read as ELF, with the reason. */
    public synchronized Map<String, String> unreadableFiles() {
        return Map.copyOf(unreadable);
    }

    /**
     * The frame of {@code ip} in {@code pid}. {@code returnAddress}: the address follows a call (every
     * frame but the innermost), so the call itself is at ip-1, which is inside the caller even when the
     * call was the function's last instruction. Null for a return address that cannot be one (unmapped, or
     * in memory that is not executable): a frame-pointer walk that went astray.
     */
    public synchronized Frame resolve(int pid, long ip, boolean returnAddress) {
        long at = returnAddress ? ip - 1 : ip;
        ProcMaps.Mapping m = null;
        for (ProcMaps snapshot : maps.getOrDefault(pid, List.of())) {
            m = snapshot.find(at);
            if (m != null) {
                break;
            }
        }
        if (returnAddress && maps.containsKey(pid) && (m == null || !m.executable())) {
            return null;
        }
        if (m != null && m.isFile()) {
            return fileFrame(m, at);
        }
        PerfMap jit = perfMaps.get(pid);
        String name = jit == null ? null : jit.symbolAt(at);
        if (name != null) {
            return jitFrame(name);
        }
        String hex = "0x" + Long.toHexString(ip);
        if (m == null) {
            return new Frame(hex, maps.containsKey(pid) ? "[unmapped]" : "[exited]", "unknown");
        }
        return new Frame(hex, m.path().isEmpty() ? "[anon]" : m.path(), "unknown");
    }

    private Frame fileFrame(ProcMaps.Mapping m, long at) {
        String module = m.module();
        ElfSymbols elf = elf(m.path());
        String symbol = null;
        if (elf != null) {
            long vaddr = elf.vaddrOf(at - m.start() + m.offset());
            symbol = vaddr < 0 ? null : elf.symbolAt(vaddr);
        }
        if (symbol == null) {
            withoutSymbols.add(module);
            return new Frame(Frame.UNKNOWN, module, kindOfModule(m.path(), module));
        }
        return new Frame(Demangler.demangle(symbol), module, kindOfModule(m.path(), module));
    }

    static Frame jitFrame(String perfMapName) {
        if (perfMapName.equals("Interpreter")) {
            return new Frame("Interpreter", JIT, "interpreter");
        }
        String method = PerfMap.javaMethod(perfMapName);
        if (method.equals(perfMapName)) {
            return new Frame(perfMapName, JIT, "jvm"); // a stub: call stubs, adapters, runtime blobs
        }
        return new Frame(method, JIT, isJdkClass(method) ? "jdk" : "java");
    }

    static boolean isJdkClass(String method) {
        return method.startsWith("java.") || method.startsWith("jdk.") || method.startsWith("sun.")
                || method.startsWith("com.sun.") || method.startsWith("javax.");
    }

    static String kindOfModule(String path, String module) {
        String m = module.toLowerCase(Locale.ROOT);
        if (m.startsWith("libc.so") || m.startsWith("libc-") || m.startsWith("ld-linux") || m.startsWith("libpthread")
                || m.startsWith("libm.so") || m.startsWith("libdl") || m.startsWith("librt") || m.startsWith("ld-musl")) {
            return "libc";
        }
        if (m.equals("libjvm.so")) {
            return "jvm";
        }
        if (path.contains("/jvm/") || path.contains("/jdk") || path.contains("/jre/") || m.equals("libjava.so")
                || m.equals("libnio.so") || m.equals("libnet.so") || m.equals("libjli.so") || m.equals("libzip.so")) {
            return "jdk";
        }
        return "native";
    }

    private ElfSymbols elf(String path) {
        if (unreadable.containsKey(path)) {
            return null;
        }
        ElfSymbols known = byFile.get(path);
        if (known != null) {
            return known;
        }
        try {
            Path p = Path.of(path.endsWith(" (deleted)") ? path.substring(0, path.length() - 10) : path);
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                throw new IOException("not a regular file");
            }
            ElfSymbols read = ElfSymbols.read(p);
            ElfSymbols shared = read.buildId() == null ? read : byBuildId.computeIfAbsent(read.buildId(), k -> read);
            byFile.put(path, shared);
            return shared;
        } catch (IOException | RuntimeException e) {
            unreadable.put(path, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return null;
        }
    }
}
