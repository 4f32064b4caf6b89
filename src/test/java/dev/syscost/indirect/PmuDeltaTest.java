package dev.syscost.indirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.indirect.PmuReport.PmuPerUnit;
import dev.syscost.report.Json;
import dev.syscost.sys.PmuCounters;
import dev.syscost.sys.PmuCounters.Event;
import dev.syscost.sys.PmuCounters.Reading;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PMU mode's parsing and arithmetic, on the group reads in {@code pmu-group-reads.json} (see its "about"). */
class PmuDeltaTest {
    private static final List<Event> EVENTS = List.of(Event.values());

    private static JsonNode fixture() throws Exception {
        try (InputStream in = PmuDeltaTest.class.getResourceAsStream("pmu-group-reads.json")) {
            return Json.MAPPER.readTree(in);
        }
    }

    private static Reading read(JsonNode words) {
        long[] w = new long[words.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = words.get(i).asLong();
        }
        return PmuCounters.parse(w);
    }

    private static PmuPerUnit perUnit(JsonNode run) {
        return PmuDelta.perUnit(EVENTS, read(run.get("before")), read(run.get("after")), run.get("units").asLong());
    }

    @Test
    void shouldListTheFixtureEventsInGroupOrder() throws Exception {
        List<String> keys = EVENTS.stream().map(Event::key).toList();
        assertThat(keys).containsExactly(Json.MAPPER.treeToValue(fixture().get("events"), String[].class));
    }

    @Test
    void shouldParseTheGroupLayout() throws Exception {
        Reading r = read(fixture().get("baseline").get("after"));
        assertThat(r.timeEnabledNs()).isEqualTo(2101200);
        assertThat(r.timeRunningNs()).isEqualTo(2101200);
        assertThat(r.values()).containsExactly(7680310, 400095, 128002, 4000, 120001, 40);
    }

    @Test
    void shouldComputeCountsPerUnitWithoutSyscalls() throws Exception {
        PmuPerUnit b = perUnit(fixture().get("baseline"));
        assertThat(b.multiplexScale()).isEqualTo(1.0);
        assertThat(b.cycles()).isCloseTo(3840, within(1e-9));
        assertThat(b.instructions()).isCloseTo(200, within(1e-9));
        assertThat(b.ipc()).isCloseTo(200 / 3840.0, within(1e-12));
        assertThat(b.l1dMisses()).isCloseTo(64, within(1e-9));
        assertThat(b.llcMisses()).isCloseTo(2, within(1e-9));
        assertThat(b.dtlbMisses()).isCloseTo(60, within(1e-9));
        assertThat(b.branchMisses()).isCloseTo(0.02, within(1e-9));
    }

    @Test
    void shouldScaleAMultiplexedRunByEnabledOverRunning() throws Exception {
        PmuPerUnit s = perUnit(fixture().get("getppidK16"));
        assertThat(s.multiplexScale()).isCloseTo(1.25, within(1e-12));
        assertThat(s.cycles()).isCloseTo(4027.5, within(1e-9));
        assertThat(s.instructions()).isCloseTo(209.375, within(1e-9));
        assertThat(s.dtlbMisses()).isCloseTo(97.5, within(1e-9));
        assertThat(s.branchMisses()).isCloseTo(0.3515625, within(1e-9));
    }

    @Test
    void shouldComputeTheExtraPerSyscall() throws Exception {
        JsonNode f = fixture();
        PmuPerUnit x = PmuDelta.extraPerSyscall(perUnit(f.get("baseline")), perUnit(f.get("getppidK16")), 16);
        assertThat(x.cycles()).isCloseTo(3000, within(1e-6));
        assertThat(x.instructions()).isCloseTo(150, within(1e-6));
        assertThat(x.l1dMisses()).isCloseTo(56, within(1e-6));
        assertThat(x.llcMisses()).isCloseTo(8, within(1e-6));
        assertThat(x.dtlbMisses()).isCloseTo(600, within(1e-6));
        assertThat(x.branchMisses()).isCloseTo((0.3515625 - 0.02) * 16, within(1e-9));
        assertThat(x.ipc()).isCloseTo(209.375 / 4027.5 - 200 / 3840.0, within(1e-12));
    }

    @Test
    void shouldReportAMissingCounterAsNull() throws Exception {
        // A CPU without an LLC event: the group has five members; that field is null, the others stand.
        List<Event> five = List.of(Event.CYCLES, Event.INSTRUCTIONS, Event.L1D_MISSES, Event.DTLB_MISSES, Event.BRANCH_MISSES);
        Reading before = PmuCounters.parse(new long[] {5, 0, 0, 0, 0, 0, 0, 0});
        Reading after = PmuCounters.parse(new long[] {5, 100, 100, 3840, 200, 64, 60, 1});
        PmuPerUnit p = PmuDelta.perUnit(five, before, after, 1);
        assertThat(p.llcMisses()).isNull();
        assertThat(p.dtlbMisses()).isEqualTo(60.0);
        assertThat(PmuDelta.extraPerSyscall(p, p, 4).llcMisses()).isNull();
    }

    @Test
    void shouldTakeThePerFieldMedianOverRounds() {
        PmuPerUnit a = new PmuPerUnit(1.0, 10.0, 10.0, 1.0, null, 5.0, 0.1, 1.0);
        PmuPerUnit b = new PmuPerUnit(3.0, 30.0, 10.0, 2.0, null, 6.0, 0.2, 1.5);
        PmuPerUnit c = new PmuPerUnit(2.0, 20.0, 10.0, 9.0, null, 7.0, 0.3, 1.0);
        PmuPerUnit m = PmuDelta.median(List.of(a, b, c));
        assertThat(m.cycles()).isEqualTo(2.0);
        assertThat(m.l1dMisses()).isEqualTo(2.0);
        assertThat(m.llcMisses()).isNull();
        assertThat(m.multiplexScale()).isEqualTo(1.5);
    }

    @Test
    void shouldRefuseMalformedReads() {
        assertThatThrownBy(() -> PmuCounters.parse(new long[] {6, 0, 0, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PERF_FORMAT_GROUP read");
        Reading r = PmuCounters.parse(new long[] {1, 10, 0, 5});
        assertThatThrownBy(() -> PmuDelta.perUnit(List.of(Event.CYCLES), r, r, 1)).hasMessageContaining("never ran");
        assertThatThrownBy(() -> PmuDelta.perUnit(EVENTS, r, r, 1)).hasMessageContaining("1 values for 6 events");
    }
}
