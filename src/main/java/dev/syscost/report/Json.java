package dev.syscost.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syscost.UsageException;
import dev.syscost.report.format.Trees;
import java.nio.file.Path;

/** The one JSON configuration every syscost result file is written and read with. */
public final class Json {
    /** Pretty-printed, fields in declaration order, maps sorted (stable golden files). */
    public static final ObjectMapper MAPPER = Trees.MAPPER;

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
     * Reads a syscost result file as a tree under {@link ResultFile}'s checks and default size limit;
     * one-line {@link UsageException}s for a missing, odd, oversized, malformed or foreign file.
     */
    public static JsonNode readResult(Path path) {
        return ResultFile.read(path, ResultFile.DEFAULT_MAX_BYTES);
    }
}
