package dev.syscost.cli;

import static dev.syscost.cli.CliTest.assertOneLineUsageError;
import static dev.syscost.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.bench.MeasureResult;
import dev.syscost.report.Json;
import dev.syscost.report.format.Trees;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code syscost serve} end to end on an ephemeral loopback port, with seeded measurements. */
class ServeCommandTest {
    private final Supplier<MeasureResult> realSource = ServeCommand.measureSource;

    @AfterEach
    void restore() {
        ServeCommand.measureSource = realSource;
    }

    @Test
    void shouldServeTheLatestMeasurementAndWatchedProcessesOnMetrics() throws Exception {
        MeasureResult seeded = Trees.READER.treeToValue(Json.readResult(Path.of("src/test/resources/dev/syscost/report/measure-a.json")),
                MeasureResult.class);
        AtomicInteger runs = new AtomicInteger();
        ServeCommand.measureSource = () -> {
            runs.incrementAndGet();
            return seeded;
        };
        long self = ProcessHandle.current().pid();
        try (Served s = Served.start("serve", "--port", "0", "--interval", "10s", "--watch", Long.toString(self))) {
            assertThat(s.url()).startsWith("http://127.0.0.1:");
            String body = s.scrapeUntil("syscost_probe_median_ns");
            dev.syscost.report.ExpositionParserAccess.Exposition e = dev.syscost.report.ExpositionParserAccess.parse(body, false);
            assertThat(e.value("syscost_probe_median_ns", "probe", "getppid")).isEqualTo(94.1);
            assertThat(e.value("syscost_process_up", "pid", Long.toString(self))).isEqualTo(1.0);
            // Exact per-syscall names where bpf is permitted (counted from attach on: the server's own
            // accept/read/write), else the read/write families of /proc/PID/io.
            String watched = s.scrapeUntil(",pid=\"" + self + "\",syscall=");
            assertThat(watched.lines().filter(l -> l.startsWith("syscost_process_syscalls_total{comm=")
                            && l.contains(",pid=\"" + self + "\","))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum()).isPositive();
            assertThat(e.value("syscost_serve_measure_runs_total")).isEqualTo(1.0);
            assertThat(e.value("syscost_serve_duty_cycle_ratio")).isLessThanOrEqualTo(0.01);
            String openMetrics = s.scrape("application/openmetrics-text; version=1.0.0");
            assertThat(openMetrics).endsWith("# EOF\n");
            dev.syscost.report.ExpositionParserAccess.parse(openMetrics, true);
        }
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAPortInUseInOneLineNamingTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertOneLineUsageError(run("serve", "--port", Integer.toString(taken.getLocalPort())),
                    "already in use", "--port");
            int port = taken.getLocalPort();
            assertThat(run("serve", "--port", Integer.toString(port)).err()).isEqualTo("syscost: --port " + port + ": 127.0.0.1:" + port
                    + " is already in use; stop what listens there or choose another port with --port" + System.lineSeparator());
        }
    }

    @Test
    void shouldRefuseBadOptionsInOneLine() {
        assertOneLineUsageError(run("serve", "--port", "70000"), "--port must be between 0 and 65535: 70000");
        assertOneLineUsageError(run("serve", "--interval", "soon"), "--interval must be a time such as 30s, 5m or 1h: soon");
        assertOneLineUsageError(run("serve", "--interval", "5"), "--interval must be between 10s and 24h: 5");
        assertOneLineUsageError(run("serve", "--interval", "1s"), "--interval must be between 10s and 24h");
        assertOneLineUsageError(run("serve", "--watch", "999999999"), "--watch 999999999: no such process");
        assertOneLineUsageError(run("serve", "--bind", "no-such-host.invalid"), "--bind");
        assertThat(run("serve", "--watch", "999999999").err())
                .isEqualTo("syscost: --watch 999999999: no such process; pass the pid of a running process" + System.lineSeparator());
        assertThat(run("serve", "--bind", "no-such-host.invalid").err()).isEqualTo("syscost: --bind no-such-host.invalid: "
                + "not an address; pass an IP address of this machine, e.g. 127.0.0.1" + System.lineSeparator());
    }

    @Test
    void shouldParseIntervals() {
        assertThat(ServeCommand.parseInterval("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ServeCommand.parseInterval("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ServeCommand.parseInterval("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(ServeCommand.parseInterval("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ServeCommand.parseInterval("1.5m")).isEqualTo(Duration.ofSeconds(90));
    }

    /** A serve command running on a thread, its announced URL, and a way to scrape it. */
    record Served(Thread thread, String url, HttpClient http) implements AutoCloseable {
        static Served start(String... args) throws Exception {
            PipedWriter pipe = new PipedWriter();
            PipedReader reader = new PipedReader(pipe, 1 << 16);
            StringWriter err = new StringWriter();
            Thread t = new Thread(() -> Main.run(args, new PrintWriter(pipe, true), new PrintWriter(err, true)), "serve-under-test");
            t.setDaemon(true);
            t.start();
            StringBuilder out = new StringBuilder();
            Matcher m = Pattern.compile("http://[0-9.]+:\\d+/metrics").matcher("");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (reader.ready()) {
                    out.append((char) reader.read());
                    m.reset(out);
                    if (m.find()) {
                        return new Served(t, m.group(), HttpClient.newHttpClient());
                    }
                } else if (!t.isAlive()) {
                    throw new AssertionError("serve exited: " + out + err);
                } else {
                    Thread.sleep(20);
                }
            }
            throw new AssertionError("serve did not announce its URL: " + out + err);
        }

        String scrape(String accept) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        }

        String scrapeUntil(String needle) throws Exception {
            long deadline = System.nanoTime() + 30_000_000_000L;
            String body = "";
            while (System.nanoTime() < deadline) {
                body = scrape("text/plain; version=0.0.4");
                if (body.contains(needle)) {
                    return body;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no " + needle + " in " + body);
        }

        @Override
        public void close() {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(thread.isAlive()).as("serve stopped").isFalse();
        }
    }
}
