package dev.syscost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GlyphWriterTest {
    private static final String TABLE = "probe  ─────  ✓ 94.1 ns × 2 – 3 ≤ █▏ µs";

    private static String through(Charset cs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintWriter w = new PrintWriter(new GlyphWriter(new OutputStreamWriter(bytes, cs), cs))) {
            w.print(TABLE);
        }
        return bytes.toString(cs);
    }

    @Test
    void shouldWriteAsciiStandInsWhereTheTerminalCannotShowTheGlyphs() {
        assertThat(through(StandardCharsets.US_ASCII)).isEqualTo("probe  -----  ok 94.1 ns x 2 - 3 <= ## us")
                .doesNotContain("?");
    }

    @Test
    void shouldLeaveGlyphsAloneOnAUtf8Terminal() {
        assertThat(through(StandardCharsets.UTF_8)).isEqualTo(TABLE);
    }

    @Test
    void shouldKeepWhatLatin1CanShow() {
        assertThat(through(StandardCharsets.ISO_8859_1)).contains("×", "µs").contains("-----");
    }
}
