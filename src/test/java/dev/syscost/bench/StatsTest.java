package dev.syscost.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void shouldGiveMedianAndPercentilesOfSyntheticData() {
        double[] v = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
        Stats.Summary s = Stats.summarize(v);
        assertThat(s.median()).isEqualTo(5.5);
        assertThat(s.p10()).isCloseTo(1.9, within(1e-9));
        assertThat(s.p90()).isCloseTo(9.1, within(1e-9));
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(10);
        assertThat(s.n()).isEqualTo(10);
    }

    @Test
    void shouldUseOrderStatisticsTwoAndNineForTheMedianIntervalOfTen() {
        Stats.Summary s = Stats.summarize(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThat(s.ciLow()).isEqualTo(2);
        assertThat(s.ciHigh()).isEqualTo(9);
        assertThat(s.ciCoverage()).isCloseTo(1 - 2 * 11.0 / 1024, within(1e-12));
    }

    @Test
    void shouldReportLowerCoverageWhenTooFewSamplesForNinetyFivePercent() {
        Stats.Summary s = Stats.summarize(new double[] {3, 1, 2, 5, 4});
        assertThat(s.ciLow()).isEqualTo(1);
        assertThat(s.ciHigh()).isEqualTo(5);
        assertThat(s.ciCoverage()).isCloseTo(0.9375, within(1e-12));
    }

    @Test
    void shouldReachNinetyFivePercentCoverageFromSixSamples() {
        assertThat(Stats.summarize(new double[] {1, 2, 3, 4, 5, 6}).ciCoverage()).isGreaterThanOrEqualTo(0.95);
        assertThat(Stats.medianCiLowRank(15)).isEqualTo(4);
        assertThat(Stats.medianCiLowRank(100)).isEqualTo(40);
    }

    @Test
    void shouldHandleOneSampleAndRefuseNone() {
        Stats.Summary s = Stats.summarize(new double[] {42});
        assertThat(s.median()).isEqualTo(42);
        assertThat(s.relativeSpread()).isZero();
        assertThatThrownBy(() -> Stats.summarize(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMeasureRelativeSpreadAsP10ToP90OverMedian() {
        Stats.Summary s = Stats.summarize(new double[] {100, 100, 100, 100, 100, 100, 100, 100, 100, 200});
        assertThat(s.median()).isEqualTo(100);
        assertThat(s.relativeSpread()).isCloseTo(0.1, within(1e-9));
    }
}
