package dev.syscost.progress;

import dev.syscost.sys.Terminal;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A live one-line status on stderr ("[3/11] getppid: trial 7/15"), drawn only when a person is watching
 * (a terminal); silent when output goes to a file or a pipe, so logs and JSON stay clean.
 */
public final class Progress implements AutoCloseable {
    /** A progress sink that draws nothing: for the API, tests and non-terminals. */
    public static final Progress SILENT = new Progress(null);

    /** Redraws at most this often: a status line, not a log. */
    static final long MIN_REDRAW_NS = 50_000_000L;
    static final int MAX_WIDTH = 100;

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private int lastLength;
    private long lastDrawNs;
    private boolean drawn;

    private Progress(PrintStream out) {
        this(out, System::nanoTime);
    }

    Progress(PrintStream out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
    }

    /**
     * Draws on stderr when stderr is a terminal, else silent: output piped or redirected to a file (a log,
     * CI) never gets carriage-return status lines.
     */
    public static Progress forTerminal() {
        return Terminal.isTerminal(Terminal.STDERR) ? new Progress(System.err) : SILENT;
    }

    /** Replaces the status line; redraws at most 20 times a second. */
    public void update(String status) {
        if (out == null) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (drawn && now - lastDrawNs < MIN_REDRAW_NS) {
            return;
        }
        drawn = true;
        lastDrawNs = now;
        String line = status.length() > MAX_WIDTH ? status.substring(0, MAX_WIDTH) : status;
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
