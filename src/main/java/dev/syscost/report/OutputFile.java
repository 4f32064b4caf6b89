package dev.syscost.report;

import dev.syscost.SyscostException;
import dev.syscost.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a result file without ever clobbering what the user had, unless told to with --force. */
public final class OutputFile {
    private OutputFile() {}

    /**
     * Checks, before any measuring starts, that {@code path} can be written: its directory exists and
     * it does not exist yet (or {@code force}). Throws {@link UsageException} naming the fix.
     */
    public static void checkWritable(Path path, boolean force, String option) {
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException(option + " " + path + ": directory " + dir + " does not exist; create it first");
        }
        if (Files.isDirectory(abs)) {
            throw new UsageException(option + " " + path + " is a directory; name a file");
        }
        if (Files.exists(abs) && !force) {
            throw new UsageException(option + " " + path + " already exists; choose another name or add --force to overwrite it");
        }
        probe(path, option, dir, abs);
    }

    /**
     * Creates (and removes) a temp file beside the target, as the final write will: permission bits alone
     * cannot tell, for root, that /proc or a read-only mount takes no files.
     */
    private static void probe(Path path, String option, Path dir, Path abs) {
        try {
            Files.delete(Files.createTempFile(dir, "." + abs.getFileName(), ".tmp"));
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no new files can be created there"
                    : e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : "refused";
            throw new UsageException(option + " " + path + ": cannot create a file in " + dir + " (" + why
                    + fileSystem(dir) + "); choose a directory you can write to, e.g. --json ./result.json".replace("--json", option));
        }
    }

    private static String fileSystem(Path dir) {
        try {
            String type = Files.getFileStore(dir).type();
            return switch (type) {
                case "proc", "sysfs", "tracefs", "debugfs", "cgroup2", "devpts" -> ", a " + type + " pseudo-filesystem";
                default -> "";
            };
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Checks that a scratch directory given with {@code option} takes files, by creating (and removing) one:
     * exit 2 with the reason, before any work starts.
     */
    public static void checkScratchDirectory(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(option + " " + dir + " is not a directory; create it or choose another");
        }
        try {
            Files.delete(Files.createTempFile(dir, ".syscost-probe", ".tmp"));
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no new files can be created there"
                    : e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : "refused";
            throw new UsageException(option + " " + dir + ": cannot create a file there (" + why + fileSystem(dir)
                    + "); choose a writable local directory, e.g. " + option + " /tmp");
        }
    }

    /** Refuses two output options naming one file (the second write would replace the first). */
    public static void checkDistinct(Path a, String optionA, Path b, String optionB) {
        if (a != null && b != null && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            throw new UsageException(optionA + " and " + optionB + " both name " + a + "; give each its own file");
        }
    }

    /** Writes atomically (temp file in the same directory, then rename), so a failed write leaves the old file. */
    public static void write(Path path, String content, boolean force, String option) {
        checkWritable(path, force, option);
        Path abs = path.toAbsolutePath();
        try {
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                // createTempFile makes the file private (0600); a result file is as readable as any other.
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SyscostException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
