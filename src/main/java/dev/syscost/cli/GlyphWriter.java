package dev.syscost.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Map;

/**
 * A writer for a terminal whose charset may not be UTF-8 (a POSIX locale, {@code su - user}): every glyph
 * the charset cannot encode is written as its ASCII stand-in (box rules as '-', ✓ as "ok", × as 'x', bars
 * as '#'), never as the '?' the JDK's encoder would print.
 */
final class GlyphWriter extends FilterWriter {
    private static final Map<Character, String> ASCII = Map.ofEntries(
            Map.entry('─', "-"), Map.entry('│', "|"), Map.entry('█', "#"), Map.entry('▏', "#"), Map.entry('▎', "#"),
            Map.entry('▍', "#"), Map.entry('▌', "#"), Map.entry('▋', "#"), Map.entry('▊', "#"), Map.entry('▉', "#"),
            Map.entry('✓', "ok"), Map.entry('✗', "x"), Map.entry('×', "x"), Map.entry('–', "-"), Map.entry('—', "--"),
            Map.entry('−', "-"), Map.entry('≤', "<="), Map.entry('≥', ">="), Map.entry('→', "->"), Map.entry('…', "..."),
            Map.entry('µ', "u"), Map.entry('²', "^2"), Map.entry('·', "*"), Map.entry('±', "+/-"), Map.entry('Σ', "sum "),
            Map.entry('½', "1/2"), Map.entry('•', "*"), Map.entry('Δ', "delta "), Map.entry('≈', "~"));

    private final CharsetEncoder encoder;

    GlyphWriter(Writer out, Charset charset) {
        super(out);
        this.encoder = charset.newEncoder();
    }

    /** A line-flushing writer on {@code stream} in the charset its terminal was detected to use. */
    static PrintWriter forStream(OutputStream stream, String encodingProperty) {
        Charset cs = detect(encodingProperty);
        return new PrintWriter(new GlyphWriter(new OutputStreamWriter(stream, cs), cs), true);
    }

    /** stdout.encoding / stderr.encoding (what the JDK found for the terminal), else native.encoding. */
    static Charset detect(String encodingProperty) {
        for (String name : new String[] {System.getProperty(encodingProperty), System.getProperty("native.encoding")}) {
            if (name != null) {
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    // unknown name: try the next
                }
            }
        }
        return Charset.defaultCharset();
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (ch < 0x80 || encoder.canEncode(ch)) {
            out.write(c);
        } else {
            out.write(ASCII.getOrDefault(ch, "?"));
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(buf[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(s.charAt(i));
        }
    }
}
