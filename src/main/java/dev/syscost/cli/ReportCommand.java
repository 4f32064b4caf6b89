package dev.syscost.cli;

import dev.syscost.report.HtmlReport;
import dev.syscost.report.ResultFormats;
import dev.syscost.report.format.Result;
import dev.syscost.report.ResultFile;
import dev.syscost.report.OutputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syscost report A.json [B.json …] --html FILE}: one HTML page from saved results of any command. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Renders saved results (files written with --json by any syscost command) into one",
            "self-contained HTML report with charts: nothing is fetched when it is opened."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RESULT.json", description = "Result files, shown in this order.")
    List<Path> inputs;

    @Option(names = "--html", required = true, paramLabel = "FILE", description = "The HTML file to write.")
    Path html;

    @Option(names = "--force", description = "Overwrite FILE if it already exists.")
    boolean force;

    @Mixin
    InputOptions input = new InputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFile.checkWritable(html, force, "--html");
        List<Result<?>> results = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Path p : inputs) {
            results.add(ResultFormats.parse(ResultFile.read(p, input.maxBytes())));
            sources.add(p.getFileName().toString());
        }
        HtmlReport.write(html, results, sources, force);
        spec.commandLine().getOut().println("wrote " + html + " (" + results.size()
                + (results.size() == 1 ? " result" : " results") + ")");
        return 0;
    }
}
