package dev.syscost.report.compare;

import dev.syscost.report.format.Header;
import dev.syscost.report.format.RecordFormat;
import java.util.ArrayList;
import java.util.List;

/** {@code syscost.compare/1}: two runs figure by figure; a saved comparison is shown by {@code report} too. */
public final class CompareFormat extends RecordFormat<Comparison> {
    public CompareFormat() {
        super(Comparison.class, Comparison::schema, "Comparison (syscost compare)", List.of(Comparison.SCHEMA),
                CompareFormat::headerOf, CompareText::render, CompareHtml::render);
    }

    /** A comparison has no environment of its own: A's lines head it; its warnings and both runs' follow. */
    private static Header headerOf(Comparison c) {
        List<String> warnings = new ArrayList<>(c.warnings());
        c.a().warnings().forEach(w -> warnings.add("A: " + w));
        c.b().warnings().forEach(w -> warnings.add("B: " + w));
        return new Header(c.a().env(), List.of(), warnings, List.of(), c.a().startedAt(), null, null);
    }
}
