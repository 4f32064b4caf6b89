package dev.syscost.report.format;

import java.util.List;
import java.util.function.Function;

/**
 * The part every typed format shares: its record type, how a record names its schema, the schema ids it
 * reads and its title. A room's {@code <Kind>Format} extends this and adds its views.
 *
 * @param <R> the result record
 */
public abstract class RecordFormat<R> implements ResultFormat<R> {
    private final Class<R> type;
    private final Function<R, String> schemaOf;
    private final String title;
    private final List<String> schemas;

    /** A format of {@code type}, titled {@code title}, reading {@code schemas} (the one written now first). */
    protected RecordFormat(Class<R> type, Function<R, String> schemaOf, String title, String... schemas) {
        this.type = type;
        this.schemaOf = schemaOf;
        this.title = title;
        this.schemas = List.of(schemas);
    }

    @Override
    public final List<String> schemas() {
        return schemas;
    }

    @Override
    public final Class<R> type() {
        return type;
    }

    @Override
    public final String schema(R result) {
        String schema = schemaOf.apply(result);
        return schema != null ? schema : schemas.getFirst();
    }

    @Override
    public final String title() {
        return title;
    }
}
