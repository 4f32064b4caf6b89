package dev.syscost.cli;

import dev.syscost.report.ResultFormats;
import dev.syscost.report.format.Result;
import dev.syscost.report.Compare;
import dev.syscost.report.compare.CompareText;
import dev.syscost.report.compare.Comparison;
import dev.syscost.report.HtmlReport;
import dev.syscost.report.Json;
import dev.syscost.report.OutputFile;
import dev.syscost.report.ResultFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syscost compare A.json B.json}: two runs side by side, differences judged against their spread. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two saved results of the same command (before/after a kernel upgrade, a",
            "mitigation change, another machine): per probe or point A, B, B/A, and whether the",
            "difference exceeds the two runs' spread."})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A.json", description = "The baseline result.")
    Path a;

    @Parameters(index = "1", paramLabel = "B.json", description = "The result to compare with it.")
    Path b;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the comparison as JSON (schema syscost.compare/1).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write both runs as one HTML report, side by side (self-contained, with charts).")
    Path html;

    @Option(names = "--force", description = "Overwrite FILE if it already exists.")
    boolean force;

    @Mixin
    InputOptions input = new InputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFile.checkDistinct(json, "--json", html, "--html");
        if (json != null) {
            OutputFile.checkWritable(json, force, "--json");
        }
        if (html != null) {
            OutputFile.checkWritable(html, force, "--html");
        }
        Result<?> resultA = ResultFormats.parse(ResultFile.read(a, input.maxBytes()));
        Result<?> resultB = ResultFormats.parse(ResultFile.read(b, input.maxBytes()));
        Comparison c = Compare.compare(resultA, a.toString(), resultB, b.toString());
        spec.commandLine().getOut().print(CompareText.render(c));
        spec.commandLine().getOut().flush();
        if (json != null) {
            Json.write(json, c, force);
        }
        if (html != null) {
            HtmlReport.write(html, List.of(resultA, resultB), List.of(a.toString(), b.toString()), force);
        }
        return 0;
    }
}
