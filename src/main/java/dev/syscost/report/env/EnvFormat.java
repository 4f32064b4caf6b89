package dev.syscost.report.env;

import dev.syscost.env.EnvResult;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.RecordFormat;
import java.util.List;

/** Every view of {@code syscost.env/1}: what is on the boundary path (no metrics, nothing to compare but the env). */
public final class EnvFormat extends RecordFormat<EnvResult> {
    public EnvFormat() {
        super(EnvResult.class, EnvResult::schema, "Environment (syscost env)", List.of(EnvResult.SCHEMA),
                r -> Header.of(r.env(), r.warnings()), r -> EnvText.render(r.env()), EnvHtml::render);
    }
}
