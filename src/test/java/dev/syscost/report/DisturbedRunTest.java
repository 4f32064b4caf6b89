package dev.syscost.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.bench.Decomposition;
import dev.syscost.bench.MeasureResult;
import dev.syscost.bench.ProbeResult;
import dev.syscost.bench.Stats;
import dev.syscost.report.compare.Comparison;
import dev.syscost.report.measure.MeasureText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A physically non-negative term that measures negative is a failed measurement in every view. The run is
 * the recorded quick run with two rungs' trials replaced by disturbed ones of the kind seen under load
 * (a descheduled java_call rung; a vDSO rung that costs like the forced syscall, 48 → 517 ns in the issue).
 */
class DisturbedRunTest {
    private static ProbeResult withTrials(ProbeResult p, double... trials) {
        Stats.Summary s = Stats.summarize(trials);
        return new ProbeResult(p.id(), p.description(), true, null, p.kernelEntriesPerCall(), p.kernelEntriesMeasured(),
                p.kernelEntriesVerified(), s.median(), s.p10(), s.p90(), new double[] {s.ciLow(), s.ciHigh()},
                s.ciCoverage(), s.min(), s.max(), s.relativeSpread(), s.n(), p.callsPerTrial(), true,
                Arrays.stream(trials).boxed().toList());
    }

    static MeasureResult disturbed() throws Exception {
        MeasureResult r = Json.MAPPER.treeToValue(Fixtures.result("real/measure-quick.json"), MeasureResult.class);
        List<ProbeResult> probes = new ArrayList<>();
        for (ProbeResult p : r.probes()) {
            probes.add(switch (p.id()) {
                case "java_call" -> withTrials(p, 41, 42, 43, 44, 45);
                case "vdso_clock_gettime" -> withTrials(p, 6500, 6510, 6520, 6530, 6540);
                default -> p;
            });
        }
        return new MeasureResult(r.schema(), r.tool(), r.config(), r.env(), r.pinning(), r.kernelEntryCheck(), probes,
                Decomposition.of(probes), r.warnings(), r.forks());
    }

    @Test
    void shouldNotResolveANegativeNonNegativeTerm() throws Exception {
        Decomposition d = disturbed().decomposition();
        Decomposition.Term ffm = term(d, "ffm_overhead");
        assertThat(ffm.valueNs()).isNegative();
        assertThat(ffm.ci95Ns()[1]).isNegative();
        assertThat(ffm.resolved()).isFalse();
        assertThat(ffm.reason()).isEqualTo(Decomposition.DISTURBED);
        assertThat(d.ffmOverheadNs()).isNull();
        assertThat(term(d, "vdso_savings").disturbed()).isTrue();
        assertThat(d.vdsoSavingsNs()).isNull();
        assertThat(term(d, "entry_exit_floor").resolved()).isTrue();
        assertThat(d.entryExitFloorNs()).isPositive();
    }

    @Test
    void shouldSayMeasurementDisturbedInTextJsonMetricsAndCompare() throws Exception {
        MeasureResult r = disturbed();
        String text = MeasureText.render(r);
        assertThat(text).containsPattern("ffm_overhead +— +ffm_downcall − java_call  \\(not resolved: measurement disturbed\\)");
        assertThat(text).doesNotContain(MeasureText.ns(term(r.decomposition(), "ffm_overhead").valueNs()));
        JsonNode json = Json.MAPPER.readTree(Json.toJson(r));
        JsonNode t = json.at("/decomposition/terms/0");
        assertThat(t.path("name").asText()).isEqualTo("ffm_overhead");
        assertThat(t.path("resolved").asBoolean()).isFalse();
        assertThat(t.path("reason").asText()).startsWith("not resolved: measurement disturbed");
        assertThat(json.at("/decomposition/ffmOverheadNs").isNull()).isTrue();
        String metrics = OpenMetrics.renderResult(r);
        assertThat(metrics).doesNotContain("syscost_decomposition_ns{term=\"ffm_overhead\"}")
                .contains("syscost_decomposition_resolved{term=\"ffm_overhead\"} 0.0");
        Comparison c = Compare.compare(json, "a.json", json, "b.json");
        assertThat(c.points()).filteredOn(p -> p.id().equals("term: ffm_overhead")).singleElement()
                .satisfies(p -> assertThat(p.verdict()).isEqualTo(Comparison.UNAVAILABLE));
    }

    private static Decomposition.Term term(Decomposition d, String name) {
        return d.terms().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
