package dev.syscost.report;

/** Lets tests in other packages use the strict exposition parser. */
public final class ExpositionParserAccess {
    private ExpositionParserAccess() {}

    /** The parsed exposition: types, helps, samples. */
    public record Exposition(ExpositionParser.Exposition inner) {
        public double value(String name, String... labels) {
            return inner.value(name, labels);
        }
    }

    /** Parses strictly; throws AssertionError on any malformed line. */
    public static Exposition parse(String text, boolean openMetrics) {
        return new Exposition(ExpositionParser.parse(text, openMetrics));
    }
}
