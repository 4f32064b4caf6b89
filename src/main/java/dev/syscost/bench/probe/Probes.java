package dev.syscost.bench.probe;

import dev.syscost.UsageException;
import dev.syscost.bench.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The ladder, cheapest rung first: every probe syscost knows, by id. */
public final class Probes {
    private static final List<Supplier<Probe>> LADDER = List.of(
            JavaCallProbe::new,
            FfmDowncallProbe::new,
            VdsoClockGettimeProbe::new,
            InvalidSyscallProbe::new,
            GetppidProbe::new,
            ClockGettimeSyscallProbe::new,
            Read1bDevZeroProbe::new,
            Write1bDevNullProbe::new,
            FstatProbe::new,
            OpenCloseProbe::new,
            PipeWriteRead1bProbe::new);

    private Probes() {}

    /** Fresh instances of every probe, in ladder order. */
    public static List<Probe> all() {
        return LADDER.stream().map(Supplier::get).toList();
    }

    /** The ids of every probe, in ladder order. */
    public static List<String> ids() {
        return all().stream().map(Probe::id).toList();
    }

    /** Fresh instances of the named probes, in ladder order; a {@link UsageException} for an unknown id. */
    public static List<Probe> select(List<String> ids) {
        List<String> known = ids();
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new UsageException("unknown probe '" + id + "'; known probes: " + String.join(", ", known));
            }
        }
        List<Probe> out = new ArrayList<>();
        for (Probe p : all()) {
            if (ids.contains(p.id())) {
                out.add(p);
            }
        }
        return out;
    }
}
