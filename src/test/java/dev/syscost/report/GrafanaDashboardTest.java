package dev.syscost.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/grafana/syscost.json parses and queries only metric families syscost exports. */
class GrafanaDashboardTest {
    @Test
    void shouldQueryOnlyMetricsTheSourcesDefine() throws IOException {
        JsonNode d = Json.MAPPER.readTree(Path.of("deploy/grafana/syscost.json").toFile());
        assertThat(d.path("panels")).isNotEmpty();
        Set<String> metrics = new TreeSet<>();
        Matcher m = Pattern.compile("syscost_[a-z0-9_]+").matcher("");
        for (JsonNode p : d.path("panels")) {
            for (JsonNode t : p.path("targets")) {
                m.reset(t.path("expr").asText());
                while (m.find()) {
                    metrics.add(m.group().replaceAll("_total$", ""));
                }
            }
        }
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.append(Files.readString(f));
            }
        }
        assertThat(metrics).isNotEmpty().allSatisfy(name -> assertThat(sources).contains("\"" + name + "\""));
    }
}
