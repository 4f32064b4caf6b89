package dev.syscost.batch.ipc;

import java.util.List;

/** Kernel entries of both processes' measuring threads, per round trip and per one-way message. */
record EntryCounts(Double perRoundTrip, Double perMessage, String note) {
    /** Combines the parent's counted phases with the peer's DONE reply (entries -1 = not counted). */
    static EntryCounts of(PhaseRunner.Counted roundTrips, PhaseRunner.Counted oneWay, List<String> done) {
        long childRt = Long.parseLong(done.get(1));
        long childOw = Long.parseLong(done.get(3));
        String childNote = done.size() > 5 ? done.get(5) : "";
        String note = !roundTrips.note().isEmpty() ? roundTrips.note()
                : !childNote.isEmpty() ? "peer: " + childNote : null;
        return new EntryCounts(per(roundTrips, childRt), per(oneWay, childOw), note);
    }

    private static Double per(PhaseRunner.Counted parent, long childEntries) {
        if (parent.entries() < 0 || childEntries < 0 || parent.messages() == 0) {
            return null;
        }
        return (double) (parent.entries() + childEntries) / parent.messages();
    }
}
