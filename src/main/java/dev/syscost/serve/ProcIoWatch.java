package dev.syscost.serve;

import dev.syscost.sys.ProcFiles;
import dev.syscost.InvalidSettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fallback {@link ProcessWatch}: the kernel's per-process read and write syscall counters from
 * {@code /proc/PID/io} ({@code syscr}, {@code syscw}: every read-family and write-family syscall of all
 * threads since the process started). Exact for those two families, blind to every other syscall; the
 * exact per-syscall counter of {@code syscost profile} replaces it where perf events are permitted.
 */
public final class ProcIoWatch implements ProcessWatch {
    private final int pid;
    private final Path io;

    private ProcIoWatch(int pid) {
        this.pid = pid;
        this.io = Path.of("/proc", Integer.toString(pid), "io");
    }

    /**
     * Opens a watch, checking that the process exists and its counters are readable; else an
     * {@link InvalidSettingException} of the setting {@code watch} (the pids serve watches).
     */
    public static ProcIoWatch open(int pid) {
        ProcIoWatch w = new ProcIoWatch(pid);
        if (!Files.isDirectory(Path.of("/proc", Integer.toString(pid)))) {
            throw new InvalidSettingException("watch", pid + ": no such process; pass the pid of a running process", null);
        }
        try {
            ProcFiles.read(w.io);
        } catch (IOException e) {
            throw new InvalidSettingException("watch", pid + ": cannot read /proc/" + pid + "/io (" + e.getMessage()
                    + "); run syscost as the process's owner or as root", null);
        }
        return w;
    }

    @Override
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(io)) {
                if (line.startsWith("syscr: ")) {
                    counts.put("read_family", Long.parseLong(line.substring(7).strip()));
                } else if (line.startsWith("syscw: ")) {
                    counts.put("write_family", Long.parseLong(line.substring(7).strip()));
                }
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | NumberFormatException e) {
            return Map.of();
        }
        return counts;
    }

    @Override
    public boolean alive() {
        return Files.exists(io);
    }

    @Override
    public String source() {
        return "/proc/" + pid + "/io syscr/syscw (read and write families only)";
    }

    @Override
    public void close() {
        // Nothing held: each scrape reads the file afresh.
    }
}
