package dev.syscost.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syscost.UsageException;
import dev.syscost.report.compare.CompareText;
import dev.syscost.report.compare.Comparison;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareTest {
    private final JsonNode a = Fixtures.result("measure-a.json");

    @Test
    void shouldFindEveryFigureWithinSpreadWhenComparingARunWithItself() {
        Comparison c = Compare.compare(a, "a.json", a, "a.json");
        assertThat(c.schema()).isEqualTo("syscost.compare/1");
        assertThat(c.envDiffs()).isEmpty();
        assertThat(c.points()).allSatisfy(r -> assertThat(r.verdict()).isIn(Comparison.WITHIN_SPREAD, Comparison.UNAVAILABLE));
        assertThat(c.points()).filteredOn(r -> r.verdict().equals(Comparison.WITHIN_SPREAD))
                .allSatisfy(r -> assertThat(r.ratioBToA()).isEqualTo(1.0));
        assertThat(c.summary().withinSpread()).isEqualTo(14);
        assertThat(c.summary().unavailable()).isEqualTo(1);
    }

    @Test
    void shouldCallBFasterWhenItsSpreadLiesWhollyBelowA() {
        Comparison c = Compare.compare(a, "a.json", scaled(a, 0.5), "b.json");
        assertThat(c.points()).filteredOn(r -> !r.id().startsWith("term:") && r.aValue() != null)
                .allSatisfy(r -> {
                    assertThat(r.verdict()).isEqualTo(Comparison.FASTER);
                    assertThat(r.ratioBToA()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(r.spreadsOverlap()).isFalse();
                });
    }

    @Test
    void shouldCallBSlowerWhenItsSpreadLiesWhollyAboveA() {
        Comparison c = Compare.compare(a, "a.json", scaled(a, 2.0), "b.json");
        assertThat(c.summary().slower()).isEqualTo(10);
        assertThat(c.summary().faster()).isZero();
    }

    @Test
    void shouldNotCallASmallDifferenceInsideTheSpreadARegression() {
        Comparison c = Compare.compare(a, "a.json", scaled(a, 1.01), "b.json");
        assertThat(c.summary().slower()).isZero();
        assertThat(c.points().get(4).ratioBToA()).isGreaterThan(1.0);
        assertThat(c.points().get(4).verdict()).isEqualTo(Comparison.WITHIN_SPREAD);
    }

    @Test
    void shouldRefuseResultsOfDifferentCommandsInOneLine() {
        assertThatThrownBy(() -> Compare.compare(a, "a.json", Fixtures.result("ipc.json"), "ipc.json"))
                .isInstanceOf(UsageException.class)
                .hasMessage("cannot compare a.json (syscost.measure/1) with ipc.json (syscost.ipc/1); "
                        + "pass two results of the same command");
    }

    @Test
    void shouldListFiguresOnlyOneRunHasAndTheEnvironmentItemsThatDiffer() {
        ObjectNode b = scaled(a, 1.0);
        ((ArrayNode) b.path("probes")).remove(0);
        ((ObjectNode) b.path("env").path("kernel")).put("release", "6.12.9");
        Comparison c = Compare.compare(a, "a.json", b, "b.json");
        assertThat(c.points().get(0).verdict()).isEqualTo(Comparison.ONLY_IN_A);
        assertThat(c.envDiffs()).containsExactly(new Comparison.EnvDiff("kernel.release", "6.18.44-fc-v782", "6.12.9"));
        assertThat(c.warnings()).anyMatch(w -> w.contains("different environments"));
    }

    @Test
    void shouldMatchTheGoldenTextAndJsonAcrossKernels() {
        Comparison c = Compare.compare(a, "measure-a.json", Fixtures.result("measure-b.json"), "measure-b.json");
        Fixtures.assertGolden("compare-measure.txt", CompareText.render(c));
        Fixtures.assertGolden("compare-measure.json", Json.toJson(c));
    }

    @Test
    void shouldCompareOtherSchemasByTheirPoints() {
        Comparison ipc = Compare.compare(Fixtures.result("ipc.json"), "a", scaled(Fixtures.result("ipc.json"), 3), "b");
        assertThat(ipc.points()).extracting(Comparison.Row::id).contains("pipe 64 B p50", "shm spin ring 64 B p99");
        Comparison amortize = Compare.compare(Fixtures.result("amortize.json"), "a", Fixtures.result("amortize.json"), "b");
        assertThat(amortize.points()).isNotEmpty().allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Comparison.WITHIN_SPREAD));
        Comparison unknown = Compare.compare(Fixtures.result("unknown-schema.json"), "a", Fixtures.result("unknown-schema.json"), "b");
        assertThat(unknown.points()).extracting(Comparison.Row::id).containsExactly("answer");
    }

    @Test
    void shouldKeepControlCharactersOutOfTheTerminal() {
        ObjectNode b = scaled(a, 1.0);
        ((ObjectNode) b.path("probes").get(0)).put("id", "evil\u001b[2J\rid");
        String text = CompareText.render(Compare.compare(a, "a.json", b, "b\u001b]0;x\u0007.json"));
        assertThat(text).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0007").contains("evil?[2J?id");
    }

    /** A copy of a measure result with every probe time multiplied by {@code factor}. */
    static ObjectNode scaled(JsonNode result, double factor) {
        ObjectNode copy = result.deepCopy();
        for (JsonNode p : copy.path("probes")) {
            scaleTimes((ObjectNode) p, factor);
        }
        for (JsonNode t : copy.path("transports")) {
            scaleTimes((ObjectNode) t, factor);
        }
        return copy;
    }

    private static void scaleTimes(ObjectNode node, double factor) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().endsWith("Ns") && e.getValue().isNumber()) {
                node.put(e.getKey(), e.getValue().asDouble() * factor);
            } else if (e.getKey().endsWith("Ns") && e.getValue().isArray()) {
                ArrayNode scaled = node.putArray(e.getKey());
                e.getValue().forEach(v -> scaled.add(v.asDouble() * factor));
            }
        }
    }
}
