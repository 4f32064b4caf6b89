package dev.syscost.report.profile;

import dev.syscost.profile.ProfileResult;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.RecordFormat;
import dev.syscost.report.metrics.MetricFamilies;
import java.util.ArrayList;
import java.util.List;

/** {@code syscost.profile/2} (and /1, which has no call sites): a program's syscalls by count, and where its time went. */
public final class ProfileFormat extends RecordFormat<ProfileResult> {
    /** Files written before call sites were added read the same way: their callSites and stacks are null. */
    public static final String SCHEMA_V1 = "syscost.profile/1";
    /** Syscalls in the terminal report, as {@code syscost profile --top} has by default. */
    static final int TOP = 25;

    public ProfileFormat() {
        super(ProfileResult.class, ProfileResult::schema, "Syscall profile (syscost profile)", List.of(ProfileResult.SCHEMA, SCHEMA_V1),
                r -> Header.of(r.env(), r.warnings()), r -> ProfileText.render(r, TOP), ProfileHtml::render);
    }

    @Override
    public void metrics(ProfileResult result, MetricFamilies families) {
        ProfileMetrics.addTo(families, result);
    }

    /** The totals, then each syscall's count. */
    @Override
    public List<Point> points(ProfileResult result) {
        List<Point> points = new ArrayList<>();
        if (result.totalSyscalls() != null) {
            double v = result.totalSyscalls();
            points.add(Point.of("totalSyscalls", "calls", v, v, v));
        }
        if (result.syscallsPerSec() != null) {
            double v = result.syscallsPerSec();
            points.add(Point.of("syscallsPerSec", "calls/s", v, v, v));
        }
        for (ProfileResult.Syscall s : syscalls(result)) {
            double v = s.count();
            points.add(Point.of(s.name() == null ? "" : s.name(), "calls", v, v, v));
        }
        return points;
    }

    /** The syscall lines, none where the file has none. */
    static List<ProfileResult.Syscall> syscalls(ProfileResult r) {
        return r.syscalls() == null ? List.of() : r.syscalls();
    }
}
