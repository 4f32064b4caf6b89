package dev.syscost.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.batch.AmortizeResult;
import dev.syscost.batch.ipc.IpcResult;
import dev.syscost.bench.MeasureResult;
import dev.syscost.env.EnvResult;
import dev.syscost.indirect.IndirectResult;
import dev.syscost.profile.ProfileResult;
import dev.syscost.report.amortize.AmortizeText;
import dev.syscost.report.compare.CompareText;
import dev.syscost.report.compare.Comparison;
import dev.syscost.report.env.EnvText;
import dev.syscost.report.indirect.IndirectText;
import dev.syscost.report.ipc.IpcText;
import dev.syscost.report.measure.MeasureText;
import dev.syscost.report.profile.ProfileText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden text and OpenMetrics output of every result kind, rendered from records built in {@link SeededResults},
 * under {@code Locale.ROOT} and under de-DE (comma decimals): both must give the same bytes, so a format
 * without {@code Locale.ROOT} fails here. The build does not pin the locale. Rewrite the files with
 * {@code -Dsyscost.golden.update=true} after an intended change and review the diff.
 */
class RecordGoldenTest {
    private static final Locale GERMAN = Locale.forLanguageTag("de-DE");
    private static final Locale SAVED = Locale.getDefault();

    /** One result kind: how to build its record and render its text. */
    private record Kind(String name, Supplier<Object> record, java.util.function.Function<Object, String> text) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("measure", () -> new SeededResults(1).measure(), r -> MeasureText.render((MeasureResult) r)),
                new Kind("env", SeededResults::envResult,
                        r -> EnvText.render(((EnvResult) r).env())),
                new Kind("profile", () -> new SeededResults(3).profile(),
                        r -> ProfileText.render((ProfileResult) r, 4)),
                new Kind("amortize", () -> new SeededResults(4).amortize(),
                        r -> AmortizeText.render((AmortizeResult) r)),
                new Kind("ipc", () -> new SeededResults(5).ipc(),
                        r -> IpcText.render((IpcResult) r)),
                new Kind("indirect", () -> new SeededResults(6).indirect(),
                        r -> IndirectText.render((IndirectResult) r)),
                new Kind("compare", SeededResults::compare, r -> CompareText.render((Comparison) r)));
    }

    private static Stream<Arguments> kindsUnderLocales() {
        return kinds().flatMap(k -> Stream.of(Arguments.of(k, Locale.ROOT), Arguments.of(k, GERMAN)));
    }

    private static String printed(Consumer<PrintWriter> print) {
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            print.accept(out);
        }
        return s.toString();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(SAVED);
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("kindsUnderLocales")
    void shouldRenderTheGoldenTextAndOpenMetricsInAnyLocale(Kind kind, Locale locale) {
        Locale.setDefault(locale);
        Object record = kind.record().get();
        Fixtures.assertGolden("records/" + kind.name() + ".txt", kind.text().apply(record));
        Fixtures.assertGolden("records/" + kind.name() + ".openmetrics.txt", OpenMetrics.renderResult(record));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void shouldReadBackEveryRecordFromItsJsonUnchanged(Kind kind) throws Exception {
        Object record = kind.record().get();
        String json = Json.toJson(record);
        Object back = Json.MAPPER.readValue(json, record.getClass());
        // NaN marks a figure that could not be priced; it must come back as NaN, not null.
        assertThat(back).usingRecursiveComparison()
                .withEqualsForType((x, y) -> Double.compare(x, y) == 0, Double.class).isEqualTo(record);
        assertThat(Json.toJson(back)).isEqualTo(json);
    }

    @Test
    void shouldProduceTheSameRecordsFromTheSameSeed() {
        assertThat(Json.toJson(new SeededResults(9).indirect())).isEqualTo(Json.toJson(new SeededResults(9).indirect()));
    }
}
