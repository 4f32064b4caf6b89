package dev.syscost.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.syscost.report.amortize.AmortizeFormat;
import dev.syscost.report.compare.CompareFormat;
import dev.syscost.report.env.EnvFormat;
import dev.syscost.report.format.GenericFormat;
import dev.syscost.report.format.Result;
import dev.syscost.report.format.ResultFormat;
import dev.syscost.report.format.Sanitize;
import dev.syscost.report.format.Trees;
import dev.syscost.report.indirect.IndirectFormat;
import dev.syscost.report.ipc.IpcFormat;
import dev.syscost.report.measure.MeasureFormat;
import dev.syscost.report.profile.ProfileFormat;
import dev.syscost.report.top.TopFormat;
import java.util.List;
import java.util.Optional;

/**
 * The formats of every result kind syscost writes, by schema id and by record type: how a record from a
 * command and a file read back from disk reach the same views. A file is parsed into its kind's record
 * (Jackson, by the schema id); an unknown schema, or fields that do not fit the record, fall back to
 * {@link GenericFormat}, so a file from a newer syscost is still shown, never refused.
 */
public final class ResultFormats {
    /** Every kind's format. Adding a result kind is one line here. */
    private static final List<ResultFormat<?>> ALL = List.of(
            new MeasureFormat(),
            new EnvFormat(),
            new ProfileFormat(),
            new AmortizeFormat(),
            new IpcFormat(),
            new IndirectFormat(),
            new CompareFormat(),
            new TopFormat());

    private ResultFormats() {}

    /** The format that reads {@code schema}, if any. */
    private static Optional<ResultFormat<?>> forSchema(String schema) {
        return ALL.stream().filter(f -> f.schemas().contains(schema)).findFirst();
    }

    /** A record a command just made (MeasureResult, ProfileResult, …), bound to its format. */
    public static Result<?> of(Object record) {
        if (record instanceof Result<?> r) {
            return r;
        }
        if (record instanceof JsonNode tree) {
            return parse(tree);
        }
        for (ResultFormat<?> f : ALL) {
            if (f.type() != JsonNode.class && f.type().isInstance(record)) {
                return bind(f, record);
            }
        }
        return parse(Trees.of(record));
    }

    /** A result tree (a file's contents) parsed into its kind's record, or shown generically. */
    public static Result<?> parse(JsonNode tree) {
        String schema = tree.path("schema").asText("");
        Optional<ResultFormat<?>> format = forSchema(schema);
        if (format.isEmpty()) {
            return new Result<>(new GenericFormat(), tree);
        }
        ResultFormat<?> f = format.get();
        if (f.type() == JsonNode.class) {
            return bind(f, tree);
        }
        try {
            return bind(f, Trees.READER.treeToValue(tree, f.type()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Result<>(new GenericFormat(problem(e)), tree);
        }
    }

    /** Result trees parsed in order. */
    public static List<Result<?>> parseAll(List<JsonNode> trees) {
        return trees.stream().<Result<?>>map(ResultFormats::parse).toList();
    }

    /** Why a tree did not fit its record, in the file's terms: the field's path and the kind of value expected there. */
    private static String problem(Exception e) {
        if (!(e instanceof JsonMappingException m)) {
            return Sanitize.line(String.valueOf(e.getMessage()), 200);
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String expected = m instanceof MismatchedInputException mi && mi.getTargetType() != null
                ? kindOf(mi.getTargetType()) : "another kind of value";
        return Sanitize.line((path.isEmpty() ? "the top level" : "\"" + path + "\"") + " holds a value of the wrong kind ("
                + expected + " expected)", 200);
    }

    private static String kindOf(Class<?> type) {
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return type == String.class || type.isEnum() ? "a string" : "an object";
    }

    private static <R> Result<R> bind(ResultFormat<R> format, Object record) {
        return new Result<>(format, format.type().cast(record));
    }
}
