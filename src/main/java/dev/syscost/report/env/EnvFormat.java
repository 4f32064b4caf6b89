package dev.syscost.report.env;

import dev.syscost.env.EnvResult;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.ResultFormat;
import dev.syscost.report.format.Section;
import java.util.List;

/** Every view of {@code syscost.env/1}: what is on the boundary path (no metrics, nothing to compare but the env). */
public final class EnvFormat implements ResultFormat<EnvResult> {
    @Override
    public List<String> schemas() {
        return List.of(EnvResult.SCHEMA);
    }

    @Override
    public Class<EnvResult> type() {
        return EnvResult.class;
    }

    @Override
    public String schema(EnvResult result) {
        return result.schema();
    }

    @Override
    public String title() {
        return "Environment (syscost env)";
    }

    @Override
    public Header header(EnvResult r) {
        return Header.of(r.env(), r.warnings()).withoutEnvWarnings(); // EnvResult.of made them its warnings
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
