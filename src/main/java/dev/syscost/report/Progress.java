package dev.syscost.report;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A live one-line status on stderr ("[3/11] getppid: trial 7/15"), drawn only when a person is watching
 * (a terminal); silent when output goes to a file or a pipe, so logs and JSON stay clean.
 */
public final class Progress implements AutoCloseable {
    /** A progress sink that draws nothing: for the API, tests and non-terminals. */
    public static final Progress SILENT = new Progress(null);

    private final PrintStream out;
    private int lastLength;
    private long lastDrawNs;

    private Progress(PrintStream out) {
        this.out = out;
    }

    /** Draws on stderr when stdin/stdout are a terminal, else silent. */
    public static Progress forTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal() ? new Progress(System.err) : SILENT;
    }

    /** Replaces the status line; redraws at most 20 times a second. */
    public void update(String status) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDrawNs < 50_000_000L) {
            return;
        }
        lastDrawNs = now;
        String line = status.length() > 100 ? status.substring(0, 100) : status;
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    /** Formats and draws "[i/n] label: detail". */
    public void step(int index, int total, String label, String detail) {
        if (out != null) {
            update(String.format(Locale.ROOT, "[%d/%d] %s: %s", index, total, label, detail));
        }
    }

    /** Erases the status line. */
    @Override
    public void close() {
        if (out != null && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }
}
