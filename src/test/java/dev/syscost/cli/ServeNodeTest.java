package dev.syscost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.bench.MeasureResult;
import dev.syscost.report.Json;
import dev.syscost.report.format.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code serve --node}: the process series stay within top-k + 1 while processes come and go. */
class ServeNodeTest {
    private static final Pattern PROCESS_SERIES = Pattern.compile("^syscost_process_syscalls_total\\{comm=\"([^\"]*)\",pid=\"([^\"]*)\"",
            Pattern.MULTILINE);
    private final Supplier<MeasureResult> realSource = ServeCommand.measureSource;

    @AfterEach
    void restore() {
        ServeCommand.measureSource = realSource;
    }

    @Test
    void shouldExportAtMostTopKPlusOneProcessesWhile200ProcessesComeAndGo() throws Exception {
        TopCommandTest.assumeBpf();
        MeasureResult seeded = Trees.READER.treeToValue(Json.readResult(Path.of("src/test/resources/dev/syscost/report/measure-a.json")),
                MeasureResult.class);
        ServeCommand.measureSource = () -> seeded;
        int topK = 5;
        try (ServeCommandTest.Served s = ServeCommandTest.Served.start("serve", "--node", "--top-k", Integer.toString(topK),
                "--port", "0", "--interval", "24h")) {
            s.scrape("text/plain; version=0.0.4");
            List<Process> started = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                started.add(new ProcessBuilder("/bin/true").start());
                if (started.size() % 10 == 0) {
                    for (Process p : started.subList(started.size() - 10, started.size())) {
                        p.waitFor();
                    }
                }
            }
            for (Process p : started) {
                p.waitFor();
            }
            String first = s.scrape("text/plain; version=0.0.4");
            Set<String> pids = pids(first);
            assertThat(pids).as(first).hasSizeLessThanOrEqualTo(topK + 1).contains("");
            assertThat(first).contains("syscost_node_syscalls_total{syscall=\"execve\"}", "comm=\"other\"");
            Set<String> gone = new TreeSet<>();
            for (String pid : pids) {
                if (!pid.isEmpty() && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    gone.add(pid);
                }
            }
            Set<String> next = pids(s.scrape("text/plain; version=0.0.4"));
            assertThat(next).hasSizeLessThanOrEqualTo(topK + 1).doesNotContainAnyElementsOf(gone);
        }
    }

    private static Set<String> pids(String exposition) {
        Set<String> out = new TreeSet<>();
        Matcher m = PROCESS_SERIES.matcher(exposition);
        while (m.find()) {
            out.add(m.group(2));
        }
        return out;
    }
}
