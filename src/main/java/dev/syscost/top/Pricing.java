package dev.syscost.top;

import dev.syscost.profile.Calibration;
import dev.syscost.profile.CostModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Prices per-syscall rates with the calibrated table ({@link CostModel}) into a snapshot's rows. */
final class Pricing {
    private final CostModel model;
    private final Calibration calibration;

    Pricing(Calibration calibration) {
        this.calibration = calibration;
        this.model = calibration == null ? null : new CostModel(calibration);
    }

    /** The rates of one process (or the host), by name, largest first, each priced. */
    List<TopSnapshot.Syscall> syscalls(Map<String, Long> counts, double seconds) {
        List<TopSnapshot.Syscall> out = new ArrayList<>();
        counts.forEach((name, n) -> {
            double perSecond = n / seconds;
            CostModel.Price p = model == null ? null : model.price(priceName(name));
            Double ns = p == null || Double.isNaN(p.nsPerCall()) ? null : p.nsPerCall();
            out.add(new TopSnapshot.Syscall(name, perSecond, ns, p == null || p.floor(), ns == null ? null : perSecond * ns / 1e9));
        });
        out.sort(Comparator.comparingDouble(TopSnapshot.Syscall::perSecond).reversed().thenComparing(TopSnapshot.Syscall::name));
        return out;
    }

    /** The /proc/PID/io families are priced as their cheapest member. */
    private static String priceName(String name) {
        return switch (name) {
            case "read_family" -> "read";
            case "write_family" -> "write";
            default -> name;
        };
    }

    static Double taxShare(List<TopSnapshot.Syscall> syscalls) {
        double sum = 0;
        for (TopSnapshot.Syscall s : syscalls) {
            if (s.taxShare() == null) {
                return null;
            }
            sum += s.taxShare();
        }
        return sum;
    }

    static double rate(List<TopSnapshot.Syscall> syscalls) {
        return syscalls.stream().mapToDouble(TopSnapshot.Syscall::perSecond).sum();
    }

    Double floorNs() {
        if (model == null) {
            return null;
        }
        double ns = model.price(CostModel.FLOOR).nsPerCall();
        return Double.isNaN(ns) ? null : ns;
    }

    String source() {
        return calibration == null ? "no calibration: not priced"
                : "calibrated prices of " + calibration.measuredAt() + " (" + calibration.source() + ")";
    }
}
