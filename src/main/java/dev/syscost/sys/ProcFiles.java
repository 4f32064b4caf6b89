package dev.syscost.sys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How syscost reads every /proc, /sys and tracefs file: plain sequential reads. {@code Files.readString} and
 * {@code Files.readAllBytes} return a truncated value for /proc/sys files on JDK 25 (seen here:
 * "3" for a pid_max of 32768), so a paranoid level of -1 would read as "-".
 */
public final class ProcFiles {
    private ProcFiles() {}

    /** The file's whole content as bytes. */
    public static byte[] readBytes(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readAllBytes();
        }
    }

    /** The file's whole content as UTF-8 text. */
    public static String read(Path path) throws IOException {
        return new String(readBytes(path), StandardCharsets.UTF_8);
    }
}
