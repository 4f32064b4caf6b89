package dev.syscost.sys;

/**
 * Links ahead of use the downcalls a command will make, so that a second thread can pay for it while
 * the first is busy elsewhere (parsing the command line). Linking a downcall generates and loads a stub
 * per function shape, 5–15 ms of interpreted code each, and the first one also sets up the linker
 * (40–70 ms); a profile of {@code /bin/true} links a dozen. Each handle is still a {@code static final}
 * of its holder, resolved once: whichever thread gets there first links it, the other waits or finds it.
 */
public final class Prelink {
    private Prelink() {}

    /** The downcalls of {@code syscost profile -- CMD}, in the order a run first makes them. */
    public static void profile() {
        Terminal.prelink();
        Libc.prelinkProfile();
        Fifo.prelink();
    }
}
