package dev.syscost.profile;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Java program with known call sites: {@link #tinyWrites} makes N one-byte writes, {@link #sizes} N Files.size calls. */
public final class CallSitesWorkload {
    static final int BATCH = 1000;

    private CallSitesWorkload() {}

    static void tinyWrites(FileOutputStream out, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            out.write(i);
        }
    }

    static long sizes(Path p, int n) throws IOException {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Files.size(p);
        }
        return sum;
    }

    /** {@code N}: calls of each kind, made in batches so both methods get compiled as a whole. */
    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path p = Files.createTempFile("syscost-callsites", ".bin");
        long sink = 0;
        try (FileOutputStream out = new FileOutputStream(p.toFile())) {
            for (int done = 0; done < n; done += BATCH) {
                tinyWrites(out, Math.min(BATCH, n - done));
            }
        }
        for (int done = 0; done < n; done += BATCH) {
            sink += sizes(p, Math.min(BATCH, n - done));
        }
        Files.delete(p);
        System.out.println(sink == 0 ? "empty" : "ok");
    }
}
