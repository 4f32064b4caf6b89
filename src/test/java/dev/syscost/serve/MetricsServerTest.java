package dev.syscost.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /metrics server under hostile clients: early hang-ups, slowloris, wrong methods and paths. */
class MetricsServerTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private MetricsServer server;
    private HttpClient http;

    @BeforeEach
    void start() {
        server = MetricsServer.start("127.0.0.1", 0, new ServeCollector(), log::add);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void shouldHoldDescriptorsFlatOverTenThousandClientsThatHangUpBeforeReading() throws Exception {
        hangUps(200);
        long before = settledDescriptors();
        hangUps(10_000);
        long after = settledDescriptors();
        assertThat(after - before).as("descriptors after 10,000 early hang-ups (%d before)", before).isLessThan(20);
        assertThat(get("/metrics").statusCode()).isEqualTo(200);
        assertThat(log).as("at most one line per fault class: %s", log).hasSizeLessThanOrEqualTo(2);
        assertThat(String.join("\n", log)).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldKeepAnsweringWhileSlowClientsHoldHalfSentRequests() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                assertThat(get("/metrics").statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
            }
            // Idle half-sent requests are closed after the idle timeout, not held forever.
            Thread.sleep(MetricsServer.IDLE_TIMEOUT_MS + 2_000);
            assertThat(slow.get(0).getInputStream().read(new byte[4096])).isNotEqualTo(0);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void shouldAnswerMetricsToGetAndHeadOnly() throws Exception {
        assertThat(send("HEAD", "/metrics").statusCode()).isEqualTo(200);
        HttpResponse<String> post = send("POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(send("DELETE", "/metrics").statusCode()).isEqualTo(405);
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/metrics/x").statusCode()).isEqualTo(404);
        assertThat(get("/-/healthy").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseOversizedHeadersWithOneLogLine() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            String big = "a".repeat(MetricsServer.MAX_REQUEST_HEADER_BYTES * 2);
            s.getOutputStream().write(("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String reply = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(reply).isEqualTo("HTTP/1.1 431");
        }
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).contains("431").doesNotContain("\n");
    }

    @Test
    void shouldSayIpv4WildcardIsNotIpv6() {
        try (MetricsServer any = MetricsServer.start("0.0.0.0", 0, new ServeCollector(), log::add)) {
            assertThat(any.listening()).startsWith("0.0.0.0:" + any.port()).contains("not IPv6");
        }
    }

    private void hangUps(int clients) throws IOException {
        byte[] request = "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < clients; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                s.setSoLinger(true, 0);
                OutputStream out = s.getOutputStream();
                out.write(request);
                out.flush();
            }
        }
    }

    /** Open descriptors of this JVM once the server has had time to close what the clients left. */
    private static long settledDescriptors() throws Exception {
        long last = -1;
        for (int i = 0; i < 50; i++) {
            Thread.sleep(100);
            long now = descriptors();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static long descriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
