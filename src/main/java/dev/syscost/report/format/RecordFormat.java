package dev.syscost.report.format;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A typed format wired from its room's parts: the record type, how a record names its schema, the schema ids
 * it reads, its title, and the room's header, text and HTML renderers. A room's {@code <Kind>Format}
 * extends this with one constructor call and overrides {@link #metrics} and {@link #points} where its kind
 * has them.
 *
 * @param <R> the result record
 */
public abstract class RecordFormat<R> implements ResultFormat<R> {
    private final Class<R> type;
    private final Function<R, String> schemaOf;
    private final String title;
    private final List<String> schemas;
    private final Function<R, Header> header;
    private final Function<R, String> text;
    private final BiConsumer<R, Section> html;

    /**
     * A format of {@code type}, titled {@code title}, reading {@code schemas} (the one written now first),
     * headed, written and drawn by the room's {@code header}, {@code text} and {@code html}.
     */
    protected RecordFormat(Class<R> type, Function<R, String> schemaOf, String title, List<String> schemas,
                           Function<R, Header> header, Function<R, String> text, BiConsumer<R, Section> html) {
        this.type = type;
        this.schemaOf = schemaOf;
        this.title = title;
        this.schemas = List.copyOf(schemas);
        this.header = header;
        this.text = text;
        this.html = html;
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

    @Override
    public final Header header(R result) {
        return header.apply(result);
    }

    @Override
    public final String text(R result) {
        return text.apply(result);
    }

    @Override
    public final void html(R result, Section section) {
        html.accept(result, section);
    }
}
