package dev.syscost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one size rule: every spelling the three former parsers (amortize, ipc, indirect) took still parses. */
class ByteSizeTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "64, 64", "0, 0", "8b, 8", "8B, 8",
        "4k, 4096", "4K, 4096", "4kb, 4096", "4KB, 4096", "4KiB, 4096", "4kib, 4096", "' 4 k ', 4096",
        "1m, 1048576", "1M, 1048576", "1MiB, 1048576", "32MiB, 33554432", "1MB, 1048576",
        "1g, 1073741824", "1G, 1073741824", "1GiB, 1073741824", "16K, 16384", "256k, 262144", "65536, 65536"})
    void shouldParseEverySpellingWith1024BasedSuffixes(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "lots", "-1", "1.5k", "4x", "4kk", "4 KiBs", "1t", "99999999999999999999k", "9999999999999999999"})
    void shouldRefuseWhatIsNotASizeNamingTheRule(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text.strip() + "' is not a size; write bytes with an optional K, M or G suffix"
                        + " (1024-based), e.g. 64, 4K, 4KiB or 1M");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8589934592G", "9007199254740992K"})
    void shouldRefuseAnOverflowInsteadOfWrappingAround(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
