package dev.syscost.report.metrics;

import dev.syscost.UsageException;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The /metrics endpoint of {@code syscost serve}: the Prometheus client's HTTP server on one address. */
public final class MetricsServer implements AutoCloseable {
    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /** Starts serving {@code collector} on {@code bind}:{@code port} (0: any free port); one-line errors. */
    public static MetricsServer start(String bind, int port, ServeCollector collector) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind " + bind + ": not an address; pass an IP address of this machine, e.g. 127.0.0.1");
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(collector);
        try {
            return new MetricsServer(HTTPServer.builder().inetAddress(address).port(port).registry(registry).buildAndStart());
        } catch (BindException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("in use")) {
                throw new UsageException("--port " + port + ": " + bind + ":" + port
                        + " is already in use; stop what listens there or choose another port with --port");
            }
            throw new UsageException("--bind " + bind + ": cannot listen there (" + why
                    + "); pass an address of this machine, e.g. 127.0.0.1");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the /metrics server on " + bind + ":" + port, e);
        }
    }

    /** The port actually bound (useful after port 0). */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
