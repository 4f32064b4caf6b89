package dev.syscost.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one duration rule of every command: ms, s, m, h, fractions, a bare number is seconds. */
class DurationConverterTest {
    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
        "500ms, 500000000", "10s, 10000000000", "10, 10000000000", "1.5s, 1500000000", "0.5, 500000000",
        "2m, 120000000000", "1.5m, 90000000000", "1h, 3600000000000", "24h, 86400000000000", "10S, 10000000000",
        "' 30 s ', 30000000000", "0, 0", "0.0000001ms, 0"})
    void shouldParseEveryUnit(String text, long nanos) {
        assertThat(DurationConverter.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-1s", "1d", "1.s", ".5s", "5 minutes", "1e3"})
    void shouldRefuseWhatIsNotADurationNamingTheRule(String text) {
        assertThatThrownBy(() -> new DurationConverter().convert(text)).isInstanceOf(UnitConversionException.class)
                .hasMessageContaining("is not a duration; write a number with ms, s, m or h");
    }

    @Test
    void shouldRefuseADurationLongerThanAnyRun() {
        assertThatThrownBy(() -> DurationConverter.parse("999999999h")).isInstanceOf(UnitConversionException.class)
                .hasMessageContaining("longer than any run");
    }
}
