package dev.syscost.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Seeded result files (test resources) and golden-file comparison. */
public final class Fixtures {
    /** Set -Dsyscost.golden.update=true to rewrite golden files from the current output. */
    private static final boolean UPDATE = Boolean.getBoolean("syscost.golden.update");

    private Fixtures() {}

    /** A result tree from src/test/resources/dev/syscost/report. */
    public static JsonNode result(String name) {
        return Json.readResult(path(name));
    }

    /** The path of a test resource of this package. */
    public static Path path(String name) {
        return Path.of("src/test/resources/dev/syscost/report", name);
    }

    /** A resource's text. */
    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts {@code actual} equals the golden file {@code name} (or rewrites it when updating). */
    public static void assertGolden(String name, String actual) {
        Path golden = Path.of("src/test/resources/dev/syscost/report/golden", name);
        try {
            if (UPDATE || !Files.exists(golden)) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                if (!UPDATE) {
                    throw new AssertionError("golden file " + golden + " did not exist; written now, check it and rerun");
                }
                return;
            }
            String expected = Files.readString(golden, StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(actual).as("golden " + golden
                    + " (rerun with -Dsyscost.golden.update=true after checking the change)").isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
