package dev.syscost.report.top;

import dev.syscost.report.format.Header;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.RecordFormat;
import dev.syscost.top.TopSnapshot;
import java.util.ArrayList;
import java.util.List;

/** {@code syscost.top/1}: one interval of the system-wide view ({@code top --json}). */
public final class TopFormat extends RecordFormat<TopSnapshot> {
    public TopFormat() {
        super(TopSnapshot.class, TopSnapshot::schema, "Syscalls by process (syscost top)", List.of(TopSnapshot.SCHEMA),
                s -> new Header(List.of(), List.of(), s.limits(), List.of(), null, null, null),
                s -> TopScreen.text(s, TopScreen.Sort.RATE, TopScreen.ONCE_ROWS), TopHtml::render);
    }

    /** The host's rate and each syscall's host-wide rate: what compares between two snapshots (pids do not). */
    @Override
    public List<Point> points(TopSnapshot s) {
        List<Point> points = new ArrayList<>();
        double host = s.hostSyscallsPerSecond();
        points.add(Point.of("host syscalls/s", "calls/s", host, host, host));
        for (TopSnapshot.Syscall c : s.hostSyscalls()) {
            points.add(Point.of(c.name() + " /s", "calls/s", c.perSecond(), c.perSecond(), c.perSecond()));
        }
        return points;
    }
}
