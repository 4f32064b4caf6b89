package dev.syscost.batch.ipc;

import dev.syscost.SyscostException;
import dev.syscost.bench.Stats;
import dev.syscost.progress.Progress;
import dev.syscost.sys.NativeException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Measures one transport at one message size against the peer: sets the channel up, then runs the
 * schedule both sides know (warm-up, timed round-trip trials, warm-up, timed one-way trials, then one
 * counted phase of each), and summarises.
 */
final class TransportBench {
    private static final long SETUP_TIMEOUT_MS = 30_000;

    private final IpcConfig config;
    private final PeerProcess peer;
    private final Path dir;
    private final ScheduledExecutorService watchdog;
    private final CpuPlan cpus;
    private final String fault;
    private final Set<String> placementWarnings = new LinkedHashSet<>();

    TransportBench(IpcConfig config, PeerProcess peer, Path dir, ScheduledExecutorService watchdog, CpuPlan cpus,
            String fault) {
        this.config = config;
        this.peer = peer;
        this.dir = dir;
        this.watchdog = watchdog;
        this.cpus = cpus;
        this.fault = fault;
    }

    /** Measures {@code t} at {@code size} with trials of at most {@code trialBudgetNs}. */
    TransportResult measure(Transport t, int size, long trialBudgetNs, Progress progress, int step, int steps) {
        String label = t.id() + " " + size + " B";
        if (t == Transport.SHM_SPIN && !cpus.twoCpus()) {
            return unavailable(t, size, "spinning needs the two processes on different CPUs; on one CPU the spinner"
                    + " burns its time slice before its peer can run (use --placement different, 2+ usable CPUs)");
        }
        Rendezvous.Offer offer;
        try {
            offer = Rendezvous.offer(t, dir, size);
        } catch (NativeException | UncheckedIOException e) {
            return unavailable(t, size, e.getMessage());
        }
        Channel ch;
        try {
            List<String> args = new ArrayList<>(List.of("RUN", t.id(), Integer.toString(size),
                    Integer.toString(cpus.childCpu()), PhaseRunner.schedule(config), fault));
            args.addAll(offer.joinArgs());
            peer.send(args);
            List<String> reply = peer.expect(SETUP_TIMEOUT_MS);
            if (reply.getFirst().equals("UNAVAILABLE")) {
                return unavailable(t, size, "the peer could not join: " + reply.get(1));
            }
            expectKind(reply, "CONNECTED");
            notePeerPlacement(reply);
            ch = offer.accept();
        } finally {
            offer.close();
        }
        try (Arena arena = Arena.ofConfined(); ch) {
            return runSchedule(t, size, label, ch, new MessagePattern(arena, size), arena.allocate(size, 64),
                    trialBudgetNs, progress, step, steps);
        }
    }

    private TransportResult runSchedule(Transport t, int size, String label, Channel ch, MessagePattern pattern,
            MemorySegment in, long trialBudgetNs, Progress progress, int step, int steps) {
        PhaseRunner phases = new PhaseRunner(ch, pattern, in);
        String schedule = PhaseRunner.schedule(config);
        long limitNs = schedule.length() * 2 * Math.max(trialBudgetNs, 20_000_000L) + 20_000_000_000L;
        AtomicBoolean fired = new AtomicBoolean();
        AtomicReference<String> phase = new AtomicReference<>("set-up");
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            fired.set(true);
            peer.kill();
            ch.abort();
        }, limitNs, TimeUnit.NANOSECONDS);
        peer.watch(ch);
        PhaseRunner.Measured m;
        try {
            m = phases.runAll(config, trialBudgetNs, detail -> {
                phase.set(detail);
                progress.step(step, steps, label, detail);
            });
        } catch (MessageCheckException e) {
            throw new SyscostException(label + ": " + e.getMessage() + "; the transport lost or damaged data", e);
        } catch (RuntimeException e) {
            if (fired.get()) {
                throw new SyscostException(label + ": no progress within " + limitNs / 1_000_000_000L
                        + " s (in " + phase.get() + "), so the peer was stopped; the machine may be overloaded: rerun",
                        e);
            }
            String report = peer.failureReport(2_000);
            String exit = peer.exitDescription();
            throw new SyscostException(label + ": " + (report != null ? report : exit != null ? exit : e.getMessage()),
                    e);
        } finally {
            alarm.cancel(false);
            peer.watch(null);
        }
        List<String> done = peer.expect(SETUP_TIMEOUT_MS);
        expectKind(done, "DONE");
        return summarize(t, size, m, done);
    }

    private TransportResult summarize(Transport t, int size, PhaseRunner.Measured m, List<String> done) {
        Stats.Summary tp = Stats.summarize(m.msgsPerSec());
        EntryCounts entries = EntryCounts.of(m.countedRoundTrips(), m.countedOneWay(), done);
        Histogram all = m.latency();
        return new TransportResult(t.id(), size, true, null, t.mechanism(), cpus.placement(), cpus.parentCpu(),
                cpus.childCpu(), m.roundTrips(), all.getValueAtPercentile(50), all.getValueAtPercentile(99),
                all.getValueAtPercentile(99.9), all.getMinValue(), all.getMaxValue(),
                Stats.summarize(m.p50sNs()).relativeSpread(), m.oneWayMessages(), tp.median(), tp.median() * size / 1e6,
                tp.relativeSpread(), entries.perMessage(), entries.perRoundTrip(), entries.note());
    }

    /** Where the peer placement differs from the plan: what the report must say. */
    Set<String> placementWarnings() {
        return placementWarnings;
    }

    /** CONNECTED, the CPU the peer runs on, "pinned" or why not. */
    private void notePeerPlacement(List<String> connected) {
        String pin = connected.size() > 2 ? connected.get(2) : "";
        if (cpus.childCpu() >= 0 && !pin.equals("pinned")) {
            placementWarnings.add("the peer could not pin itself to CPU " + cpus.childCpu() + " (" + pin
                    + "); it ran where the scheduler put it");
        } else if (cpus.childCpu() >= 0 && !connected.get(1).equals(Integer.toString(cpus.childCpu()))) {
            placementWarnings.add("the peer reported CPU " + connected.get(1) + ", not CPU " + cpus.childCpu());
        }
    }

    private TransportResult unavailable(Transport t, int size, String reason) {
        return TransportResult.unavailable(t, size, cpus.placement(), cpus.parentCpu(), cpus.childCpu(), reason);
    }

    private static void expectKind(List<String> reply, String kind) {
        if (!reply.getFirst().equals(kind)) {
            throw new SyscostException("the peer process answered '" + String.join(" ", reply) + "', expected " + kind);
        }
    }

}
