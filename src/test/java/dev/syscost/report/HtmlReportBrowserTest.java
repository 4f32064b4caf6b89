package dev.syscost.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens real reports in headless Chromium: the page's own status element (set after every chart was
 * drawn, with window.onerror and console.error collected into it) proves "no errors, every chart drawn";
 * a screenshot is kept under target/html-report/. Skips with the reason when no Chromium is installed
 * (CI installs Debian's chromium in .ci/run).
 */
class HtmlReportBrowserTest {
    static final String HOSTILE = "</script><script>window.syscostErrors.push('injected')</script><img src=x onerror=alert(1)>";
    static final Path OUT = Path.of("target/html-report");
    static String chromium;

    @BeforeAll
    static void findChromium() throws IOException {
        chromium = find();
        Files.createDirectories(OUT);
    }

    @Test
    void shouldDrawEveryChartWithoutErrorsForEverySchema() throws Exception {
        requireChromium();
        List<JsonNode> results = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String name : List.of("measure-a.json", "measure-b.json", "amortize.json", "ipc.json",
                "indirect.json", "profile.json", "env.json", "unknown-schema.json")) {
            results.add(Fixtures.result(name));
            sources.add(name);
        }
        Path page = OUT.resolve("all-schemas.html");
        HtmlReport.write(page, ResultFormats.parseAll(results), sources, true);

        String dom = dumpDom(page);
        Matcher status = statusOf(dom);
        assertThat(status.group("state")).as(status.group(0)).isEqualTo("ok");
        assertThat(status.group("errors")).isEqualTo("0");
        assertThat(Integer.parseInt(status.group("charts"))).isGreaterThanOrEqualTo(11);
        assertThat(status.group("drawn")).isEqualTo(status.group("charts"));
        assertThat(count(dom, "data-drawn=\"true\"")).isEqualTo(Integer.parseInt(status.group("charts")));
        assertThat(dom).contains("Cost ladder: median ns per call (log scale)", "Decomposition: ns per call, stacked",
                "ns per byte by chunk size", "Round-trip latency percentiles", "Indirect cost added",
                "Syscalls by count", "syscost.future/7");
        screenshot(page, OUT.resolve("all-schemas.png"), 6000);
    }

    @Test
    void shouldDrawEveryChartFromRealRunsOfEveryCommand() throws Exception {
        requireChromium();
        // Result files written by each command on the development VM (src/test/resources/.../real/).
        List<JsonNode> results = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String name : List.of("measure-quick.json", "amortize.json", "ipc.json", "indirect.json", "profile.json", "env.json")) {
            results.add(Fixtures.result("real/" + name));
            sources.add(name);
        }
        Path page = OUT.resolve("real-runs.html");
        HtmlReport.write(page, ResultFormats.parseAll(results), sources, true);
        Matcher status = statusOf(dumpDom(page));
        assertThat(status.group("state")).as(status.group(0)).isEqualTo("ok");
        assertThat(Integer.parseInt(status.group("charts"))).isGreaterThanOrEqualTo(10);
        screenshot(page, OUT.resolve("real-runs.png"), 2400);
    }

    @Test
    void shouldDrawTheCallSiteFlameGraphOfAProfileWithStacks() throws Exception {
        requireChromium();
        // written by `syscost profile --stacks --json` on a JVM making 2 M one-byte writes and 1 M Files.size (40 stacks kept)
        ObjectNode profile = (ObjectNode) Fixtures.result("real/profile-stacks.json");
        ObjectNode frame = (ObjectNode) profile.path("stacks").get(0).path("frames").get(1);
        frame.put("symbol", HOSTILE);
        Path page = OUT.resolve("profile-stacks.html");
        HtmlReport.write(page, ResultFormats.parse(profile), true);
        String dom = dumpDom(page);
        Matcher status = statusOf(dom);
        assertThat(status.group("state")).as(status.group(0)).isEqualTo("ok");
        assertThat(dom).contains("data-flame=\"true\"").contains("Where pid ");
        String outsideScripts = dom.replaceAll("(?s)<script[^>]*>.*?</script>", "");
        assertThat(outsideScripts).doesNotContain("<img");
        screenshot(page, OUT.resolve("profile-stacks.png"), 3000);
    }

    @Test
    void shouldShowHostileStringsAsTextAndNeverRunThem() throws Exception {
        requireChromium();
        ObjectNode measure = (ObjectNode) Fixtures.result("measure-a.json");
        ((ObjectNode) measure.path("probes").get(0)).put("id", HOSTILE);
        ((ObjectNode) measure.path("probes").get(0)).put("description", HOSTILE);
        measure.withArray("warnings").add(HOSTILE);
        ((ObjectNode) measure.path("env")).put("kernel", HOSTILE);
        Path page = OUT.resolve("hostile.html");
        HtmlReport.write(page, ResultFormats.parseAll(List.of(measure)), List.of(HOSTILE), true);

        String html = Files.readString(page);
        assertThat(count(html, "<script")).as("script elements in the file").isEqualTo(count(templateWithoutLibrary(), "<script"));
        String dom = dumpDom(page);
        Matcher status = statusOf(dom);
        assertThat(status.group("state")).as(status.group(0)).isEqualTo("ok");
        // Had any copy run, it would have pushed an error and the state would not be ok.
        String outsideScripts = dom.replaceAll("(?s)<script[^>]*>.*?</script>", "");
        assertThat(outsideScripts).doesNotContain("<script").doesNotContain("<img");
        assertThat(outsideScripts).contains("&lt;/script&gt;&lt;script&gt;window.syscostErrors.push('injected')&lt;/script&gt;");
        screenshot(page, OUT.resolve("hostile.png"), 1600);
    }

    @Test
    void shouldRenderTheReportOfOneMeasureRunAsTheCommandsWriteIt() throws Exception {
        requireChromium();
        Path page = OUT.resolve("measure.html");
        HtmlReport.write(page, ResultFormats.parse(Fixtures.result("measure-a.json")), true);
        Matcher status = statusOf(dumpDom(page));
        assertThat(status.group("state")).as(status.group(0)).isEqualTo("ok");
        assertThat(status.group("charts")).isEqualTo("2");
        screenshot(page, OUT.resolve("measure.png"), 2200);
    }

    private static String templateWithoutLibrary() {
        return ReportTemplate.fill("", "{}");
    }

    static Matcher statusOf(String dom) {
        Matcher m = Pattern.compile("<div id=\"syscost-status\" data-state=\"(?<state>[a-z]+)\" data-charts=\"(?<charts>\\d+)\""
                + " data-drawn=\"(?<drawn>\\d+)\" data-errors=\"(?<errors>\\d+)\">[^<]*").matcher(dom);
        assertThat(m.find()).as("the page set its status element; DOM tail: %s",
                dom.substring(Math.max(0, dom.length() - 800))).isTrue();
        return m;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    static void requireChromium() {
        Assumptions.assumeTrue(chromium != null, "no chromium on PATH (apt-get install chromium; CI's .ci/run does)");
    }

    static String dumpDom(Path page) throws Exception {
        return new String(runChromium(List.of("--window-size=1280,2000", "--dump-dom", page.toUri().toString())),
                StandardCharsets.UTF_8);
    }

    static void screenshot(Path page, Path png, int height) throws Exception {
        Files.deleteIfExists(png);
        runChromium(List.of("--window-size=1280," + height, "--hide-scrollbars",
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    /** Runs headless Chromium with no network, no profile and a bounded time; returns its stdout. */
    private static byte[] runChromium(List<String> args) throws Exception {
        Path profile = Files.createTempDirectory("syscost-chromium");
        Path stdout = Files.createTempFile("syscost-chromium", ".out");
        Path stderr = Files.createTempFile("syscost-chromium", ".err");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--virtual-time-budget=10000"));
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("chromium did not finish in 120 s: " + String.join(" ", cmd));
            }
            assertThat(p.exitValue()).as("chromium exit status; stderr: %s", Files.readString(stderr)).isZero();
            return Files.readAllBytes(stdout);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            deleteTree(profile.toFile());
        }
    }

    private static void deleteTree(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteTree(c);
            }
        }
        f.delete();
    }

    private static String find() {
        String override = System.getenv("SYSCOST_CHROMIUM");
        if (override != null && new File(override).canExecute()) {
            return override;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        return null;
    }
}
