package dev.syscost.profile;

import java.util.Map;

/** Which measured probe prices which syscall; everything else pays the entry floor and says so. */
public final class CostModel {
    /** The bare kernel entry/exit (ENOSYS): the floor every syscall pays. */
    public static final String FLOOR = "invalid_syscall";

    private static final Map<String, String> PROBE_OF = Map.ofEntries(
            Map.entry("getppid", "getppid"),
            Map.entry("clock_gettime", "clock_gettime_syscall"),
            Map.entry("read", "read_1b_dev_zero"),
            Map.entry("write", "write_1b_dev_null"),
            Map.entry("fstat", "fstat"),
            Map.entry("newfstatat", "fstat"),
            Map.entry("open", "open_close"),
            Map.entry("openat", "open_close"),
            Map.entry("close", "open_close"));

    private final Calibration calibration;

    public CostModel(Calibration calibration) {
        this.calibration = calibration;
    }

    /** A syscall's price: ns per call, the probe it came from, and whether that is the floor fallback. */
    public record Price(double nsPerCall, String probe, boolean floor) {}

    /**
     * The price of one call of {@code syscall}: its probe's median per kernel entry, less the FFM
     * downcall (a native program calls libc directly), never below zero; the floor when it has no probe.
     */
    public Price price(String syscall) {
        String probe = PROBE_OF.get(syscall);
        Double ns = probe == null ? null : calibration.probeNs().get(probe);
        boolean floor = ns == null;
        if (floor) {
            probe = FLOOR;
            ns = calibration.probeNs().get(FLOOR);
        }
        if (ns == null) {
            return new Price(Double.NaN, "unavailable", true);
        }
        return new Price(Math.max(0, ns - calibration.downcallNs()), probe, floor);
    }
}
