package dev.syscost.report.compare;

import dev.syscost.report.format.Header;
import dev.syscost.report.format.RecordFormat;
import dev.syscost.report.format.Section;
import java.util.ArrayList;
import java.util.List;

/** {@code syscost.compare/1}: two runs figure by figure; a saved comparison is shown by {@code report} too. */
public final class CompareFormat extends RecordFormat<Comparison> {
    public CompareFormat() {
        super(Comparison.class, Comparison::schema, "Comparison (syscost compare)", Comparison.SCHEMA);
    }

    /** A comparison has no environment of its own: A's lines head it; its warnings and both runs' follow. */
    @Override
    public Header header(Comparison c) {
        List<String> warnings = new ArrayList<>(c.warnings());
        c.a().warnings().forEach(w -> warnings.add("A: " + w));
        c.b().warnings().forEach(w -> warnings.add("B: " + w));
        return new Header(c.a().env(), List.of(), warnings, List.of(), c.a().startedAt(), null, null);
    }

    @Override
    public String text(Comparison c) {
        return CompareText.render(c);
    }

    @Override
    public void html(Comparison c, Section section) {
        CompareHtml.render(c, section);
    }
}
