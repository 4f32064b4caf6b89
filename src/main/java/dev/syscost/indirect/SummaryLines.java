package dev.syscost.indirect;

import dev.syscost.indirect.IndirectResult.Cell;
import dev.syscost.indirect.IndirectResult.DirectCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sentences a person can act on: "at N syscalls/s with a working set of X, the indirect cost adds Y% to the direct cost". */
final class SummaryLines {
    private SummaryLines() {}

    static List<String> of(List<Cell> cells, List<DirectCost> direct) {
        List<String> out = new ArrayList<>();
        for (Cell c : cells) {
            if (c.resolvable()) {
                out.add(sentence(c, directOf(direct, c.disturber())));
            }
        }
        double[] perPage = cells.stream().filter(Cell::resolvable).mapToDouble(c -> c.indirectNsPerPageTouched().median())
                .sorted().toArray();
        if (perPage.length >= 3) {
            out.add(String.format(Locale.ROOT, "per distinct 4 KiB page the workload touches between two syscalls, the resolvable"
                    + " cells cost %.0f ns (median; middle half %.0f..%.0f ns): a steady figure points at a TLB flushed on every"
                    + " kernel entry (PTI without PCID; see `syscost env`), a scattered one at caches", perPage[perPage.length / 2],
                    perPage[perPage.length / 4], perPage[(3 * perPage.length) / 4]));
        }
        long unresolved = cells.stream().filter(c -> !c.resolvable()).count();
        if (unresolved > 0) {
            out.add(String.format(Locale.ROOT, "%d of %d cells are not resolvable here: their 95%% interval spans zero"
                    + " (no indirect cost beyond the spin control could be told from noise)", unresolved, cells.size()));
        }
        return out;
    }

    static String sentence(Cell c, double directNs) {
        Estimate pct = c.indirectPercentOfDirect();
        return String.format(Locale.ROOT,
                "%s, %s: at %s syscalls/s (one every %d units) with a working set of %s, the indirect cost adds %.0f%%"
                        + " (95%% CI %.0f..%.0f%%) to the direct cost of %.0f ns: %+.0f ns per call"
                        + " (the call itself running cold %+.0f ns, user code after it %+.0f ns)",
                c.disturber(), c.workload(), rate(c.syscallsPerSec()), c.k(), SizeParser.label(c.workingSetBytes()),
                pct.median(), pct.ciLow(), pct.ciHigh(), directNs, c.indirectNsPerSyscall().median(),
                c.coldCallNsPerSyscall().median(), c.userSlowdownNsPerSyscall().median());
    }

    /** 1234567 → "1.2M", 45600 → "46K", 120 → "120". */
    static String rate(double perSec) {
        if (perSec >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", perSec / 1e6);
        }
        if (perSec >= 1e3) {
            return String.format(Locale.ROOT, "%.0fK", perSec / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", perSec);
    }

    private static double directOf(List<DirectCost> direct, String disturber) {
        return direct.stream().filter(d -> d.disturber().equals(disturber)).mapToDouble(d -> d.directNs().median())
                .findFirst().orElse(Double.NaN);
    }
}
