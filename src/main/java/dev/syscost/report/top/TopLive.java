package dev.syscost.report.top;

import dev.syscost.sys.Termios;
import dev.syscost.top.Sampler;
import dev.syscost.top.TopSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The full-screen live view of {@code syscost top}: redraws every interval, reads keys as typed. The
 * terminal's settings are saved first and put back on every way out: return, exception, Ctrl-C and
 * SIGTERM (a shutdown hook); only SIGKILL leaves it raw (`reset` or `stty sane` then).
 */
public final class TopLive {
    static final String ALT_SCREEN_ON = "\033[?1049h\033[?25l";
    static final String ALT_SCREEN_OFF = "\033[?25h\033[?1049l";
    private static final String HOME_CLEAR = "\033[H\033[2J";
    private static final String REVERSE = "\033[7m";
    private static final String NORMAL = "\033[0m";
    private static final int KEY_UP = -2;
    private static final int KEY_DOWN = -3;
    private static final int KEY_ESC = 27;

    private final Sampler sampler;
    private final long intervalNanos;
    private final PrintStream out;
    private final InputStream in;
    private final int fd;
    private final AtomicBoolean restored = new AtomicBoolean();
    private final Object screen = new Object();
    private final BlockingQueue<Integer> keys = new LinkedBlockingQueue<>();
    private byte[] saved;
    private TopScreen.Sort sort;
    private boolean paused;
    private int selectedPid = -1;
    private boolean details;
    private TopSnapshot last;

    public TopLive(Sampler sampler, double intervalSeconds, TopScreen.Sort sort, PrintStream out, InputStream in, int fd) {
        this.sampler = sampler;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.sort = sort;
        this.out = out;
        this.in = in;
        this.fd = fd;
    }

    /** Runs until q; the terminal is restored however it ends. */
    public void run() {
        saved = Termios.get(fd);
        Thread hook = new Thread(this::restore, "syscost-top-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Termios.set(fd, Termios.keyAtATime(saved));
            synchronized (screen) {
                out.print(ALT_SCREEN_ON);
                out.flush();
            }
            Thread reader = Thread.ofPlatform().daemon().name("syscost-top-keys").start(this::readKeys);
            loop();
            reader.interrupt();
        } finally {
            restore();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs restore, which has already happened
            }
        }
    }

    private void loop() {
        long next = System.nanoTime() + intervalNanos;
        draw();
        while (true) {
            Integer key;
            try {
                key = keys.poll(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (key == null) {
                next += intervalNanos;
                if (!paused) {
                    last = sampler.sample();
                }
                draw();
                continue;
            }
            if (!handle(key)) {
                return;
            }
            draw();
        }
    }

    /** Acts on one key; false to quit. */
    private boolean handle(int key) {
        switch (key) {
            case 'q', 'Q', -1 -> {
                return false;
            }
            case 's', 'S' -> sort = sort == TopScreen.Sort.RATE ? TopScreen.Sort.TAX : TopScreen.Sort.RATE;
            case 'p', 'P', ' ' -> paused = !paused;
            case '\n', '\r' -> {
                if (selectedPid < 0) {
                    move(0);
                }
                details = !details && selectedPid > 0;
            }
            case KEY_ESC -> details = false;
            case KEY_UP, 'k' -> move(-1);
            case KEY_DOWN, 'j' -> move(1);
            default -> { }
        }
        return true;
    }

    private void move(int by) {
        if (last == null) {
            return;
        }
        List<TopSnapshot.Process> rows = TopScreen.sorted(last, sort);
        if (rows.isEmpty()) {
            return;
        }
        int at = indexOf(rows, selectedPid);
        int to = at < 0 ? 0 : Math.max(0, Math.min(rows.size() - 1, at + by));
        selectedPid = rows.get(to).pid();
    }

    private static int indexOf(List<TopSnapshot.Process> rows, int pid) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).pid() == pid) {
                return i;
            }
        }
        return -1;
    }

    private void draw() {
        int[] size = Termios.size(fd);
        int rows = size[0] == 0 ? 24 : size[0];
        int cols = size[1] == 0 ? 80 : size[1];
        StringBuilder sb = new StringBuilder(HOME_CLEAR);
        if (rows < TopScreen.MIN_ROWS || cols < TopScreen.MIN_COLUMNS) {
            sb.append(cut(TopScreen.tooSmall(rows, cols), cols));
        } else if (last == null) {
            sb.append(cut("syscost top: counting every process; the first figures come after one interval (q quits)", cols));
        } else {
            frame(sb, rows, cols);
        }
        synchronized (screen) {
            if (!restored.get()) {
                out.print(sb);
                out.flush();
            }
        }
    }

    private void frame(StringBuilder sb, int rows, int cols) {
        List<String> header = TopScreen.header(last, sort, paused ? "[paused]" : "");
        header.forEach(l -> sb.append(cut(l, cols)).append("\r\n"));
        List<TopSnapshot.Process> procs = TopScreen.sorted(last, sort);
        int room = rows - header.size() - 3;
        TopSnapshot.Process chosen = indexOf(procs, selectedPid) >= 0 ? procs.get(indexOf(procs, selectedPid)) : null;
        if (details && chosen != null) {
            List<String> lines = TopScreen.breakdown(chosen);
            sb.append("\r\n");
            lines.stream().limit(room + 1).forEach(l -> sb.append(cut(l, cols)).append("\r\n"));
        } else {
            sb.append("\r\n").append(cut(TopScreen.columns(), cols)).append("\r\n");
            int first = Math.max(0, indexOf(procs, selectedPid) - room + 1);
            for (int i = first; i < Math.min(procs.size(), first + room); i++) {
                String line = cut(TopScreen.row(procs.get(i)), cols);
                sb.append(procs.get(i).pid() == selectedPid ? REVERSE + line + NORMAL : line).append("\r\n");
            }
        }
        sb.append("\033[").append(rows).append(";1H")
                .append(cut(details ? "Enter/Esc back   q quit   p pause   s sort"
                        : "q quit   s sort (rate/tax)   p pause   Up/Down select   Enter details", cols));
    }

    private static String cut(String line, int cols) {
        return line.length() <= cols ? line : line.substring(0, cols);
    }

    /** Key reader: arrow keys arrive as ESC [ A / ESC [ B, a lone ESC as itself. */
    private void readKeys() {
        try {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == KEY_ESC) {
                    Thread.sleep(30); // the rest of an escape sequence arrives with it
                    if (in.available() >= 2 && in.read() == '[') {
                        int c = in.read();
                        keys.add(c == 'A' ? KEY_UP : c == 'B' ? KEY_DOWN : 0);
                        continue;
                    }
                }
                keys.add(b);
            }
            keys.add(-1); // end of input: quit
        } catch (IOException e) {
            keys.add(-1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Puts the terminal back as it was (idempotent; also the shutdown hook). */
    public void restore() {
        if (saved == null || !restored.compareAndSet(false, true)) {
            return;
        }
        synchronized (screen) {
            out.print(ALT_SCREEN_OFF);
            out.flush();
        }
        Termios.set(fd, saved);
    }
}
