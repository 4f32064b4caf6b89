package dev.syscost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code --option} the README and docs/*.md name exists on the command they name it for, read from
 * picocli's model: docs that drift from the code fail the build instead of misleading a reader.
 */
class DocsOptionsTest {
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");
    private static final Pattern COMMAND = Pattern.compile(
            "(?:syscost |`)(measure|env|profile|top|amortize|indirect|ipc|report|compare|serve)(?=[ `])");
    /**
     * Options that belong to the JVM, a bench script, systemctl or a browser, named beside syscost's (a bench
     * command wrapped over two lines leaves its options on a line without the script's name).
     */
    private static final Set<String> FOREIGN = Set.of("--enable-native-access", "--rounds", "--metric", "--dump-dom",
            "--workloads", "--dd-count", "--writes", "--minutes", "--every", "--now", "--no-jmh", "--cpu-time");
    /** Lines about other tools, whose options are theirs. */
    private static final Pattern OTHER_TOOL = Pattern.compile("\\b(perf|curl|java|mvn|kubectl|docker|podman|systemd-run|prlimit|setpriv|chmod|sysctl|mount|strace|promtool|ss|ab|wrk|hey|systemctl)\\b [^|]*--|bench/[\\w.-]+\\.sh[^|]*--");

    private static Map<String, Set<String>> optionsByCommand() {
        CommandLine top = Main.commandLine("--help");
        Map<String, Set<String>> m = new TreeMap<>();
        m.put("syscost", new TreeSet<>(top.getCommandSpec().optionsMap().keySet()));
        top.getSubcommands().forEach((name, sub) -> m.put(name, new TreeSet<>(sub.getCommandSpec().optionsMap().keySet())));
        return m;
    }

    @Test
    void shouldNameOnlyOptionsThatExistOnTheirCommand() throws IOException {
        Map<String, Set<String>> options = optionsByCommand();
        Set<String> anyCommand = new TreeSet<>();
        options.values().forEach(anyCommand::addAll);
        List<String> wrong = new ArrayList<>();
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> s = Files.list(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        for (Path doc : docs) {
            String name = doc.getFileName().toString().replace(".md", "");
            String fileCommand = options.containsKey(name) ? name : null;
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (OTHER_TOOL.matcher(line).find()) {
                    continue;
                }
                Set<String> named = commandsOn(line);
                boolean general = line.matches(".*\\b(any|every|each) (syscost )?command.*");
                Set<String> allowed = new TreeSet<>();
                if (general || named.isEmpty() && fileCommand == null) {
                    allowed.addAll(anyCommand);
                } else if (named.isEmpty()) {
                    allowed.addAll(options.get(fileCommand));
                } else {
                    named.forEach(c -> allowed.addAll(options.get(c)));
                }
                Matcher o = OPTION.matcher(line);
                while (o.find()) {
                    String opt = o.group();
                    if (!allowed.contains(opt) && !FOREIGN.contains(opt)) {
                        wrong.add(doc + ":" + (i + 1) + ": " + opt + " is not an option of "
                                + (named.isEmpty() ? fileCommand == null ? "any command" : "syscost " + fileCommand
                                        : "syscost " + String.join("/", named)));
                    }
                }
            }
        }
        assertThat(wrong).as("options named in the docs that the commands do not have").isEmpty();
    }

    /** The commands a line names ("syscost ipc …", "`measure --quick`"). */
    private static Set<String> commandsOn(String line) {
        Set<String> named = new TreeSet<>();
        Matcher cmd = COMMAND.matcher(line);
        while (cmd.find()) {
            named.add(cmd.group(1));
        }
        return named;
    }
}
