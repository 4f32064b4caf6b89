package dev.syscost.report.format;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration results are written and read with, for views that need a record's tree. */
public final class Trees {
    /** Pretty-printed, fields in declaration order, maps sorted (stable golden files). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Reads files from other syscost versions: fields this one does not know are ignored, not refused. */
    public static final ObjectMapper READER = MAPPER.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Trees() {}

    /** A record as the JSON tree its file holds: for the generic tables and flattened facts only. */
    public static JsonNode of(Object value) {
        return MAPPER.valueToTree(value);
    }
}
