package dev.syscost.report;

import dev.syscost.SyscostException;
import dev.syscost.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        if (!Files.isWritable(dir)) {
            throw new UsageException(option + " " + path + ": directory " + dir + " is not writable");
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
