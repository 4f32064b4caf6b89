package dev.syscost.cli;

import dev.syscost.report.HtmlReport;
import dev.syscost.report.ResultFormats;
import dev.syscost.report.Json;
import dev.syscost.report.OutputFile;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The result-file options every command shares: {@code --json FILE}, {@code --html FILE}, {@code --force}.
 * Call {@link #check()} before measuring (so a bad path fails in a second, not after a minute) and
 * {@link #write(Object)} with the result afterwards.
 */
public final class OutputOptions {
    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report with charts.")
    Path html;

    @Option(names = "--force", description = "Overwrite output files that already exist.")
    boolean force;

    /** Refuses unwritable or existing (without --force) output paths before any work starts. */
    public void check() {
        OutputFile.checkDistinct(json, "--json", html, "--html");
        if (json != null) {
            OutputFile.checkWritable(json, force, "--json");
        }
        if (html != null) {
            OutputFile.checkWritable(html, force, "--html");
        }
    }

    /** Writes the result (a Jackson-serialisable record with a {@code schema} field) to the requested files. */
    public void write(Object result) {
        if (json != null) {
            Json.write(json, result, force);
        }
        if (html != null) {
            HtmlReport.write(html, ResultFormats.of(result), force);
        }
    }
}
