package dev.syscost.report;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.report.compare.CompareText;
import dev.syscost.report.compare.Comparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code report}, {@code compare} and {@code --format openmetrics} make of recorded inputs (the result
 * files under test resources, and records built by {@link SeededResults} written to JSON and read back), held
 * byte for byte in golden files: a refactoring of the renderers must leave every one of them unchanged.
 */
class RecordedInputsGoldenTest {
    private static Stream<String> recordedFiles() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(Fixtures.path("")), Files.list(Fixtures.path("real")))) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> Fixtures.path("").relativize(p).toString()).sorted().toList().stream();
        }
    }

    /** A seeded record of each kind as the JSON tree a file would hold. */
    private static Stream<String> seededKinds() {
        return Stream.of("measure", "env", "profile", "amortize", "ipc", "indirect");
    }

    private static JsonNode seeded(String kind, int seed) {
        SeededResults s = new SeededResults(seed);
        Function<SeededResults, Object> build = switch (kind) {
            case "measure" -> SeededResults::measure;
            case "env" -> x -> SeededResults.envResult();
            case "profile" -> SeededResults::profile;
            case "amortize" -> SeededResults::amortize;
            case "ipc" -> SeededResults::ipc;
            case "indirect" -> SeededResults::indirect;
            default -> throw new IllegalArgumentException(kind);
        };
        return Json.MAPPER.valueToTree(build.apply(s));
    }

    private static String golden(String name) {
        return "recorded/" + name.replace('/', '-').replaceFirst("\\.json$", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedFiles")
    void shouldRenderEachRecordedFileAsBefore(String file) {
        JsonNode result = Fixtures.result(file);
        String name = Path.of(file).getFileName().toString();
        Fixtures.assertGolden(golden(file) + ".report-model.json",
                Json.toJson(HtmlReport.model(ResultFormats.parseAll(List.of(result)), List.of(name))));
        Fixtures.assertGolden(golden(file) + ".openmetrics.txt", OpenMetrics.render(result));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seededKinds")
    void shouldRenderAndCompareEachSeededKindAsBefore(String kind) {
        JsonNode a = seeded(kind, 11);
        JsonNode b = seeded(kind, 12);
        Fixtures.assertGolden("recorded/seeded-" + kind + ".report-model.json",
                Json.toJson(HtmlReport.model(ResultFormats.parseAll(List.of(a, b)), List.of("a.json", "b.json"))));
        Comparison c = Compare.compare(a, "a.json", b, "b.json");
        Fixtures.assertGolden("recorded/seeded-" + kind + ".compare.txt", CompareText.render(c));
        Fixtures.assertGolden("recorded/seeded-" + kind + ".compare.json", Json.toJson(c));
    }

    @org.junit.jupiter.api.Test
    void shouldRenderAllRecordedFilesInOneReportAsBefore() throws IOException {
        List<String> files = recordedFiles().toList();
        Fixtures.assertGolden("recorded/all.report-model.json", Json.toJson(HtmlReport.model(
                ResultFormats.parseAll(files.stream().map(Fixtures::result).toList()), files)));
        Comparison aa = Compare.compare(Fixtures.result("real/measure-aa-a.json"), "measure-aa-a.json",
                Fixtures.result("real/measure-aa-b.json"), "measure-aa-b.json");
        Fixtures.assertGolden("recorded/real-measure-aa.compare.txt", CompareText.render(aa));
    }
}
