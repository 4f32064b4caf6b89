package dev.syscost.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syscost.report.compare.Comparison;
import dev.syscost.report.format.Point;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compare rule on recorded pairs: an A/A pair of default runs (two fresh JVMs each) recorded on this
 * project's 2-CPU Firecracker VM under a load average of about 15, and the same A with a known shift.
 */
class CompareForkRuleTest {
    private final JsonNode a = Fixtures.result("real/measure-aa-a.json");
    private final JsonNode b = Fixtures.result("real/measure-aa-b.json");
    private static final Set<String> SYSCALL_PROBES = Set.of("invalid_syscall", "getppid", "clock_gettime_syscall",
            "read_1b_dev_zero", "write_1b_dev_null", "fstat", "open_close", "pipe_write_read_1b");

    private static Map<String, Comparison.Row> byId(Comparison c) {
        return c.points().stream().collect(Collectors.toMap(Comparison.Row::id, Function.identity()));
    }

    @Test
    void shouldCallNoFigureOfTheRecordedAaPairDifferentWhenTheForksExplainIt() {
        Map<String, Comparison.Row> rows = byId(Compare.compare(a, "a.json", b, "b.json"));
        // Its trials alone call vdso_savings different (the p10–p90 spreads do not overlap) ...
        Comparison.Row vdso = rows.get("term: vdso_savings");
        assertThat(vdso.spreadsOverlap()).isFalse();
        // ... but the two runs' JVMs varied by more than the difference: not a difference.
        assertThat(Math.abs(vdso.bValue() - vdso.aValue())).isLessThanOrEqualTo(vdso.aForkSpread() + vdso.bForkSpread());
        assertThat(vdso.verdict()).isEqualTo(Comparison.WITHIN_SPREAD);
        assertThat(vdso.note()).contains("variation between JVMs");
        assertThat(rows.values()).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Comparison.WITHIN_SPREAD));
    }

    @Test
    void shouldStateTheSmallestDetectableDifferenceBeyondBothSpreads() {
        for (Comparison.Row r : Compare.compare(a, "a.json", b, "b.json").points()) {
            assertThat(r.minDetectable()).as(r.id()).isNotNull();
            assertThat(r.minDetectable()).as(r.id()).isGreaterThanOrEqualTo(r.aForkSpread() + r.bForkSpread());
            assertThat(r.minDetectableRatio()).as(r.id()).isEqualTo(r.minDetectable() / Math.abs(r.aValue()));
        }
    }

    @Test
    void shouldCatchEverySyscallProbeShiftedByTwiceWhatItCouldDetect() {
        Map<String, Comparison.Row> self = byId(Compare.compare(a, "a.json", a, "a.json"));
        ObjectNode shifted = a.deepCopy();
        for (JsonNode p : shifted.path("probes")) {
            String id = p.path("id").asText();
            if (SYSCALL_PROBES.contains(id)) {
                shift((ObjectNode) p, 2 * self.get(id).minDetectable());
            }
        }
        Map<String, Comparison.Row> rows = byId(Compare.compare(a, "a.json", shifted, "shifted.json"));
        for (String id : SYSCALL_PROBES) {
            assertThat(rows.get(id).verdict()).as(id).isEqualTo(Comparison.SLOWER);
        }
        assertThat(rows.get("java_call").verdict()).isEqualTo(Comparison.WITHIN_SPREAD);
        assertThat(rows.get("ffm_downcall").verdict()).isEqualTo(Comparison.WITHIN_SPREAD);
    }

    @Test
    void shouldNotCallAShiftOfHalfWhatItCouldDetect() {
        Map<String, Comparison.Row> self = byId(Compare.compare(a, "a.json", a, "a.json"));
        ObjectNode shifted = a.deepCopy();
        for (JsonNode p : shifted.path("probes")) {
            String id = p.path("id").asText();
            if (SYSCALL_PROBES.contains(id)) {
                shift((ObjectNode) p, 0.5 * self.get(id).minDetectable());
            }
        }
        Comparison c = Compare.compare(a, "a.json", shifted, "shifted.json");
        assertThat(c.summary().slower()).isZero();
    }

    @Test
    void shouldNeedADifferenceBeyondTheSumOfBothForkSpreads() {
        Point pa = Point.of("getppid", "ns", 100, 95, 105).withForkSpread(20.0);
        Point pb = Point.of("getppid", "ns", 112, 108, 116).withForkSpread(10.0);
        Comparison.Row r = Compare.row(pa, pb);
        assertThat(r.spreadsOverlap()).isFalse();
        assertThat(r.verdict()).isEqualTo(Comparison.WITHIN_SPREAD);
        assertThat(r.minDetectable()).isEqualTo(30.0);
        Comparison.Row far = Compare.row(pa, Point.of("getppid", "ns", 140, 136, 144).withForkSpread(10.0));
        assertThat(far.verdict()).isEqualTo(Comparison.SLOWER);
        // One JVM per run: no between-run allowance, the spread rule alone (and a warning says so for whole runs).
        Comparison.Row single = Compare.row(Point.of("getppid", "ns", 100, 95, 105), Point.of("getppid", "ns", 112, 108, 116));
        assertThat(single.verdict()).isEqualTo(Comparison.SLOWER);
        assertThat(single.minDetectable()).isCloseTo(9.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** Adds {@code ns} to every time of one probe, its trials and fork medians included (as a counter on each call would). */
    private static void shift(ObjectNode p, double ns) {
        for (String field : new String[] {"medianNs", "p10Ns", "p90Ns", "minNs", "maxNs"}) {
            if (p.path(field).isNumber()) {
                p.put(field, p.path(field).asDouble() + ns);
            }
        }
        for (String field : new String[] {"ci95Ns", "trialNs", "forkMediansNs"}) {
            ArrayNode arr = (ArrayNode) p.path(field);
            for (int i = 0; i < arr.size(); i++) {
                arr.set(i, arr.get(i).asDouble() + ns);
            }
        }
    }
}
