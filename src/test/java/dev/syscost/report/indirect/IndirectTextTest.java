package dev.syscost.report.indirect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.env.Environment;
import dev.syscost.indirect.Estimate;
import dev.syscost.indirect.IndirectResult.Cell;
import dev.syscost.indirect.IndirectResult;
import dev.syscost.indirect.PmuReport;
import dev.syscost.report.format.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal grid from seeded data: resolvable cells show ns, % and rate; the others say n.r. */
class IndirectTextTest {
    private static Estimate e(double median, double lo, double hi) {
        return new Estimate(median, lo, hi, 0.96, lo, hi, 20);
    }

    private static Cell cell(long ws, int k, double indirect, double lo, double hi, double perSec) {
        boolean ok = lo > 0 || hi < 0;
        return new Cell("chase", "getppid", ws, k, 1000, e(1200, 1190, 1210), e(1100, 1090, 1110), perSec,
                e(indirect, lo, hi), e(indirect, lo, hi), e(0, -5, 5), e(indirect / 10.5, lo / 10.5, hi / 10.5), ok,
                ok ? "+" + indirect : "not resolvable here", e(20, 10, 30), e(indirect - 20, lo, hi), 100, 4, e(indirect / 4, lo / 4, hi / 4));
    }

    private static IndirectResult seeded() {
        IndirectResult.Settings s = new IndirectResult.Settings(List.of(16384L, 4194304L), List.of(1, 16), List.of("getppid"),
                List.of("chase"), 20, 40, 1.0, 48, 64, false, 0, 1L, 0.0, 47.8);
        List<Cell> cells = List.of(cell(16384, 1, 128, 119, 130, 780_031), cell(16384, 16, 141, 120, 160, 379_000),
                cell(4194304, 1, 1023, 736, 1273, 294_000), cell(4194304, 16, 900, -381, 11772, 19_000));
        IndirectResult.DirectCost d = new IndirectResult.DirectCost("getppid", e(1052, 1042, 1052), e(1052, 1050, 1054), 900,
                1.0, 1.0, 0.0);
        return new IndirectResult(IndirectResult.SCHEMA, Environment.detect(), s, List.of(d), List.of(), cells,
                PmuReport.unavailable("hardware counters do not open here: test"), List.of("a summary line"), List.of("a warning"));
    }

    @Test
    void shouldPrintTheRateByWorkingSetGrid() {
        StringWriter text = new StringWriter();
        IndirectText.print(seeded(), new PrintWriter(text, true));
        String out = text.toString();
        assertThat(out).contains("       K                        16K                         4M\n");
        assertThat(out).contains("       1        +128 [+12%] @780K/s       +1023 [+97%] @294K/s\n");
        assertThat(out).contains("      16        +141 [+13%] @379K/s                n.r. @19K/s\n");
        assertThat(out).contains("PMU mode: unavailable — hardware counters do not open here: test");
        assertThat(out).contains("  getppid            1052       1042..1052       1052      1.00         1.00         0.00");
        assertThat(out).contains("WARNING: a warning");
    }

    @Test
    void shouldKeepTheContractKeysInTheJson() {
        var tree = Trees.of(seeded());
        assertThat(tree.path("schema").asText()).isEqualTo("syscost.indirect/1");
        assertThat(tree.path("pmu").path("available").asBoolean(true)).isFalse();
        assertThat(tree.path("pmu").path("reason").asText()).startsWith("hardware counters do not open here");
        assertThat(tree.path("cells").get(0).path("syscallsPerSec").asDouble()).isEqualTo(780_031);
        assertThat(tree.path("cells").get(0).path("indirectNsPerSyscall").path("ciLow").asDouble()).isEqualTo(119);
    }
}
