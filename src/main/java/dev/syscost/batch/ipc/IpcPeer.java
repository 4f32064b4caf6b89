package dev.syscost.batch.ipc;

import dev.syscost.SyscostException;
import dev.syscost.sys.Libc;
import dev.syscost.sys.NativeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * The child process's side of {@code syscost ipc} (run as the hidden {@code syscost __ipc-peer}): joins
 * each channel the parent offers, echoes round trips, drains one-way streams, checks every message,
 * and reports its own kernel entries. It exits when the parent quits, closes its stdin or dies.
 */
public final class IpcPeer {
    private final PrintStream out;

    private IpcPeer(PrintStream out) {
        this.out = out;
    }

    /** The peer process's entry point: serves stdin/stdout, then exits with {@link #serve}'s code. */
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.exit(serve(in, new PrintStream(System.out, true, StandardCharsets.UTF_8)));
    }

    /** Serves control lines from {@code in} until QUIT or end of input; returns the exit code. */
    public static int serve(BufferedReader in, PrintStream out) throws IOException {
        // Never outlive the parent: a dead parent cannot wake a peer sleeping on an eventfd.
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        IpcPeer peer = new IpcPeer(out);
        EntryMeter.warmUp(); // while the parent still sets up
        String line;
        while ((line = in.readLine()) != null) {
            List<String> f = List.of(line.split("\t", -1));
            if (f.getFirst().equals("QUIT")) {
                return 0;
            }
            if (!f.getFirst().equals("RUN") || f.size() < 6) {
                peer.reply("ERROR", "unknown control line: " + line);
                return 1;
            }
            try {
                peer.run(f);
            } catch (RuntimeException e) {
                peer.reply("ERROR", oneLine(e));
                return 1;
            }
        }
        return 0;
    }

    /** RUN, transport, size, cpu, schedule, fault, join args... */
    private void run(List<String> f) {
        Transport transport = Transport.parse(f.get(1));
        int size = Integer.parseInt(f.get(2));
        int cpu = Integer.parseInt(f.get(3));
        String schedule = f.get(4);
        PeerFault fault = PeerFault.parse(f.get(5));
        String pinNote = pin(cpu);
        Channel ch;
        try {
            ch = Rendezvous.join(transport, f.subList(6, f.size()), size,
                    () -> reply("CONNECTED", Integer.toString(Libc.sched_getcpu()), pinNote));
        } catch (NativeException | SyscostException | java.io.UncheckedIOException e) {
            reply("UNAVAILABLE", oneLine(e));
            return;
        }
        try (Arena arena = Arena.ofConfined(); ch) {
            MessagePattern pattern = new MessagePattern(arena, size);
            MemorySegment buf = arena.allocate(size, 64);
            PhaseCounts counts = new PhaseCounts();
            EntryMeter counting = EntryMeter.OFF; // opened at the first counted phase, kept for the next
            try {
                for (int i = 0; i < schedule.length(); i++) {
                    char phase = schedule.charAt(i);
                    boolean counted = Character.isUpperCase(phase);
                    if (counted && counting == EntryMeter.OFF) {
                        counting = EntryMeter.open();
                    }
                    EntryMeter meter = counted ? counting : EntryMeter.OFF;
                    long n = Character.toLowerCase(phase) == 'r' ? echo(ch, pattern, buf, fault, meter)
                            : drain(ch, pattern, buf, meter);
                    counts.record(phase, n, meter);
                }
            } finally {
                counting.close();
            }
            reply("DONE", Long.toString(counts.roundTripEntries), Long.toString(counts.roundTrips),
                    Long.toString(counts.oneWayEntries), Long.toString(counts.oneWayMessages), counts.note);
        }
    }

    /**
     * Echoes the phase's SYNC, then messages until STOP (echoed too), checking each after echoing it, off
     * the parent's critical path. Counts from after SYNC to the STOP's receive.
     */
    private static long echo(Channel ch, MessagePattern pattern, MemorySegment buf, PeerFault fault,
            EntryMeter meter) {
        awaitSync(ch, pattern, buf, meter);
        for (long expected = 0;; expected++) {
            ch.receive(buf);
            boolean stop = MessagePattern.seqOf(buf) == MessagePattern.STOP;
            if (stop) {
                meter.stop();
            }
            fault.apply(buf);
            ch.send(buf);
            if (stop) {
                return expected;
            }
            checkReceived(pattern, buf, expected);
        }
    }

    /** Echoes SYNC, then receives and checks messages until STOP, acknowledging with the count. */
    private static long drain(Channel ch, MessagePattern pattern, MemorySegment buf, EntryMeter meter) {
        awaitSync(ch, pattern, buf, meter);
        for (long expected = 0;; expected++) {
            ch.receive(buf);
            if (MessagePattern.seqOf(buf) == MessagePattern.STOP) {
                meter.stop(); // counts the STOP's receive, not the acknowledgement
                ch.send(pattern.message(expected));
                return expected;
            }
            checkReceived(pattern, buf, expected);
        }
    }

    /** Each phase opens with a SYNC round trip, so a slow start (opening a counter) is outside its count and clock. */
    private static void awaitSync(Channel ch, MessagePattern pattern, MemorySegment buf, EntryMeter meter) {
        ch.receive(buf);
        checkReceived(pattern, buf, MessagePattern.SYNC);
        ch.send(buf);
        meter.start();
    }

    private static void checkReceived(MessagePattern pattern, MemorySegment buf, long expected) {
        if (!pattern.matches(buf, expected)) {
            throw new SyscostException("the peer received a bad message: " + pattern.describeMismatch(buf, expected));
        }
    }

    private static String pin(int cpu) {
        if (cpu < 0) {
            return "not pinned";
        }
        try {
            Libc.pinToCpu(0, cpu);
            return "pinned";
        } catch (NativeException e) {
            return "not pinned: " + e.getMessage();
        }
    }

    private void reply(String kind, String... fields) {
        StringBuilder sb = new StringBuilder(PeerProcess.PREFIX).append(kind);
        for (String field : fields) {
            sb.append('\t').append(field.replace('\t', ' ').replace('\n', ' '));
        }
        out.println(sb);
        out.flush();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*\\R\\s*", "; ");
    }

    /** The child's kernel entries in the counted phases (upper-case letters in the schedule). */
    private static final class PhaseCounts {
        long roundTripEntries = -1;
        long roundTrips;
        long oneWayEntries = -1;
        long oneWayMessages;
        String note = "";

        void record(char phase, long messages, EntryMeter meter) {
            if (Character.isLowerCase(phase)) {
                return;
            }
            if (!meter.note().isEmpty()) {
                note = meter.note();
            }
            if (phase == 'R') {
                roundTripEntries = meter.entries();
                roundTrips = messages;
            } else {
                oneWayEntries = meter.entries();
                oneWayMessages = messages;
            }
        }
    }

    /**
     * A deliberate fault, for tests of the checks and of clean-up: {@code corrupt:N} flips the last byte
     * of the N-th echoed message (counting from 0 over all round-trip phases), {@code exit:N} dies there.
     */
    static final class PeerFault {
        private final String kind;
        private final long at;
        private long echoed;

        private PeerFault(String kind, long at) {
            this.kind = kind;
            this.at = at;
        }

        static PeerFault parse(String s) {
            if (s.isEmpty() || s.equals("none")) {
                return new PeerFault("none", -1);
            }
            String[] p = s.split(":");
            return new PeerFault(p[0], Long.parseLong(p[1]));
        }

        void apply(MemorySegment buf) {
            if (echoed++ != at) {
                return;
            }
            if (kind.equals("exit")) {
                Runtime.getRuntime().halt(4);
            }
            long last = buf.byteSize() - 1;
            buf.set(ValueLayout.JAVA_BYTE, last, (byte) ~buf.get(ValueLayout.JAVA_BYTE, last));
        }
    }
}
