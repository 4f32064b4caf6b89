package dev.syscost.report.env;

import dev.syscost.env.EnvResult;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.RecordFormat;
import dev.syscost.report.format.Section;
import java.util.List;

/** Every view of {@code syscost.env/1}: what is on the boundary path (no metrics, nothing to compare but the env). */
public final class EnvFormat extends RecordFormat<EnvResult> {
    public EnvFormat() {
        super(EnvResult.class, EnvResult::schema, "Environment (syscost env)", EnvResult.SCHEMA);
    }

    @Override
    public Header header(EnvResult r) {
        return Header.of(r.env(), r.warnings()); // EnvResult.of made the environment's warnings its own
    }

    @Override
    public String text(EnvResult result) {
        return EnvText.render(result.env());
    }

    @Override
    public void html(EnvResult result, Section section) {
        EnvHtml.render(result, section);
    }
}
