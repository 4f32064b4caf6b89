package dev.syscost.batch.ipc;

import dev.syscost.SyscostException;
import dev.syscost.bench.Stats;
import dev.syscost.report.Progress;
import dev.syscost.sys.NativeException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Measures one transport at one message size against the peer: sets the channel up, then runs the
 * schedule both sides know (warm-up, timed round-trip trials, warm-up, timed one-way trials, then one
 * counted phase of each), and summarises.
 */
final class TransportBench {
    private static final long SETUP_TIMEOUT_MS = 30_000;
    private static final long MAX_RECORDABLE_NS = 10_000_000_000L;
    private static final long COUNTED_MESSAGES = 2_000;
    private static final long COUNTED_MIN_BUDGET_NS = 50_000_000L;

    private final IpcConfig config;
    private final PeerProcess peer;
    private final Path dir;
    private final ScheduledExecutorService watchdog;
    private final CpuPlan cpus;
    private final String fault;

    TransportBench(IpcConfig config, PeerProcess peer, Path dir, ScheduledExecutorService watchdog, CpuPlan cpus,
            String fault) {
        this.config = config;
        this.peer = peer;
        this.dir = dir;
        this.watchdog = watchdog;
        this.cpus = cpus;
        this.fault = fault;
    }

    /** The phases, in order: lower case timed (the first of each kind a warm-up), upper case counted. */
    String schedule() {
        return "r" + "r".repeat(config.trials()) + "t" + "t".repeat(config.trials()) + "RT";
    }

    TransportResult measure(Transport t, int size, Progress progress, int step, int steps) {
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
                    Integer.toString(cpus.childCpu()), schedule(), fault));
            args.addAll(offer.joinArgs());
            peer.send(args);
            List<String> reply = peer.expect(SETUP_TIMEOUT_MS);
            if (reply.getFirst().equals("UNAVAILABLE")) {
                return unavailable(t, size, "the peer could not join: " + reply.get(1));
            }
            expectKind(reply, "CONNECTED");
            ch = offer.accept();
        } finally {
            offer.close();
        }
        try (Arena arena = Arena.ofConfined(); ch) {
            return runSchedule(t, size, label, ch, new MessagePattern(arena, size), arena.allocate(size, 64),
                    progress, step, steps);
        }
    }

    private TransportResult runSchedule(Transport t, int size, String label, Channel ch, MessagePattern pattern,
            MemorySegment in, Progress progress, int step, int steps) {
        PhaseRunner phases = new PhaseRunner(ch, pattern, in);
        String schedule = schedule();
        long limitNs = schedule.length() * 2 * config.trialBudgetNs() + 20_000_000_000L;
        boolean[] fired = {false};
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            fired[0] = true;
            peer.kill();
            ch.abort();
        }, limitNs, TimeUnit.NANOSECONDS);
        peer.watch(ch);
        Histogram all = new Histogram(MAX_RECORDABLE_NS, 3);
        double[] p50s = new double[config.trials()];
        double[] msgsPerSec = new double[config.trials()];
        long roundTrips = 0;
        long oneWay = 0;
        Counted rt;
        Counted ow;
        try {
            progress.step(step, steps, label, "warm-up");
            phases.roundTrips(new Histogram(MAX_RECORDABLE_NS, 3), config.messagesPerTrial(), config.trialBudgetNs(),
                    EntryMeter.OFF);
            for (int i = 0; i < config.trials(); i++) {
                progress.step(step, steps, label, "round trips, trial " + (i + 1) + "/" + config.trials());
                Histogram h = new Histogram(MAX_RECORDABLE_NS, 3);
                roundTrips += phases.roundTrips(h, config.messagesPerTrial(), config.trialBudgetNs(), EntryMeter.OFF);
                p50s[i] = h.getValueAtPercentile(50);
                all.add(h);
            }
            phases.oneWay(config.messagesPerTrial(), config.trialBudgetNs(), EntryMeter.OFF);
            for (int i = 0; i < config.trials(); i++) {
                progress.step(step, steps, label, "one-way throughput, trial " + (i + 1) + "/" + config.trials());
                long[] r = phases.oneWay(config.messagesPerTrial(), config.trialBudgetNs(), EntryMeter.OFF);
                oneWay += r[0];
                msgsPerSec[i] = r[0] * 1e9 / r[1];
            }
            progress.step(step, steps, label, "counting kernel entries");
            long counted = Math.min(config.messagesPerTrial(), COUNTED_MESSAGES);
            long countedBudgetNs = Math.max(config.trialBudgetNs(), COUNTED_MIN_BUDGET_NS);
            Histogram discarded = new Histogram(MAX_RECORDABLE_NS, 3); // allocated outside the counted phase
            try (EntryMeter m = EntryMeter.open()) {
                rt = new Counted(phases.roundTrips(discarded, counted, countedBudgetNs, m), m.entries(), m.note());
            }
            try (EntryMeter m = EntryMeter.open()) {
                ow = new Counted(phases.oneWay(counted, countedBudgetNs, m)[0], m.entries(), m.note());
            }
        } catch (MessageCheckException e) {
            throw new SyscostException(label + ": " + e.getMessage() + "; the transport lost or damaged data", e);
        } catch (RuntimeException e) {
            if (fired[0]) {
                throw new SyscostException(label + ": no progress within " + limitNs / 1_000_000_000L
                        + " s, so the peer was stopped; the machine may be overloaded: rerun", e);
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
        Stats.Summary tp = Stats.summarize(msgsPerSec);
        EntryCounts entries = EntryCounts.of(rt, ow, done);
        return new TransportResult(t.id(), size, true, null, t.mechanism(), cpus.placement(), cpus.parentCpu(),
                cpus.childCpu(), roundTrips, all.getValueAtPercentile(50), all.getValueAtPercentile(99),
                all.getValueAtPercentile(99.9), all.getMinValue(), all.getMaxValue(),
                Stats.summarize(p50s).relativeSpread(), oneWay, tp.median(), tp.median() * size / 1e6,
                tp.relativeSpread(), entries.perMessage(), entries.perRoundTrip(), entries.note());
    }

    private TransportResult unavailable(Transport t, int size, String reason) {
        return TransportResult.unavailable(t, size, cpus.placement(), cpus.parentCpu(), cpus.childCpu(), reason);
    }

    private static void expectKind(List<String> reply, String kind) {
        if (!reply.getFirst().equals(kind)) {
            throw new SyscostException("the peer process answered '" + String.join(" ", reply) + "', expected " + kind);
        }
    }

    /** Messages and this thread's kernel entries in one counted phase; entries -1 when not counted. */
    record Counted(long messages, long entries, String note) {}

}
