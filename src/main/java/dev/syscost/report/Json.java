package dev.syscost.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.syscost.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The one JSON configuration every syscost result file is written and read with. */
public final class Json {
    /** Pretty-printed, fields in declaration order, maps sorted (stable golden files). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Json() {}

    /** The JSON text of a result. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Writes a result to {@code path}, refusing to overwrite without {@code force}. */
    public static void write(Path path, Object value, boolean force) {
        OutputFile.write(path, toJson(value), force, "--json");
    }

    /**
     * Reads a syscost result file as a tree, checking that it parses and carries a {@code schema}
     * field; one-line {@link UsageException}s for a missing file, malformed JSON or a foreign file.
     */
    public static JsonNode readResult(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new UsageException(path + ": no such file; pass a file written by `syscost ... --json FILE`");
        } catch (IOException e) {
            throw new UsageException(path + ": cannot read (" + e.getMessage() + ")");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageException(path + ": malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "; pass a file written by `syscost ... --json FILE`");
        }
        if (node == null || !node.isObject() || !node.path("schema").isTextual()) {
            throw new UsageException(path + ": not a syscost result (no \"schema\" field); pass a file written by `syscost ... --json FILE`");
        }
        return node;
    }
}
