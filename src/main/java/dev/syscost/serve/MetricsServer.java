package dev.syscost.serve;

import dev.syscost.InvalidSettingException;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The /metrics endpoint of {@code syscost serve}: an embedded Jetty with the limits a daemon left running
 * needs. The JDK HttpServer it replaces leaked a descriptor per client that hung up early, let ten half-sent
 * requests block everyone and listened with a backlog of 3; here connections are non-blocking (a slow client
 * holds a descriptor, never a worker), idle ones are closed, workers, queue, connections and header sizes are
 * bounded, and the Prometheus client's own scrape handler keeps the text/OpenMetrics negotiation.
 */
public final class MetricsServer implements AutoCloseable {
    /** Listen backlog: a burst of scrapers waits in the kernel's queue instead of overflowing it. */
    public static final int BACKLOG = 128;
    /** A connection silent this long is closed (slow or stalled clients). */
    public static final long IDLE_TIMEOUT_MS = 5_000;
    /** Request line plus headers; larger requests get 431. */
    public static final int MAX_REQUEST_HEADER_BYTES = 8 * 1024;
    static final int MAX_WORKERS = 8;
    static final int MAX_QUEUED_REQUESTS = 256;

    private final Server server;
    private final ServerConnector connector;
    private final String listening;

    private MetricsServer(Server server, ServerConnector connector, String listening) {
        this.server = server;
        this.connector = connector;
        this.listening = listening;
    }

    /** Starts serving {@code collector} on {@code bind}:{@code port} (0: any free port); faults go to {@code log}, rate-limited. */
    public static MetricsServer start(String bind, int port, ServeCollector collector, Consumer<String> log) {
        InetAddress address = resolve(bind);
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(collector);
        FaultLog faults = new FaultLog(line -> log.accept("syscost serve: " + line), TimeUnit.MINUTES.toNanos(1), System::nanoTime);

        QueuedThreadPool workers = new QueuedThreadPool(MAX_WORKERS, 2, 60_000,
                new ArrayBlockingQueue<>(MAX_QUEUED_REQUESTS));
        workers.setName("syscost-serve");
        workers.setDaemon(true);
        Server server = new Server(workers);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setIdleTimeout(IDLE_TIMEOUT_MS);
        ServerConnector connector = new FamilyConnector(server, address, new HttpConnectionFactory(http));
        connector.setHost(address.getHostAddress());
        connector.setPort(port);
        connector.setAcceptQueueSize(BACKLOG);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        // Stop accepting before the descriptor limit, so a flood pauses accept() instead of failing every open().
        server.addBean(new NetworkConnectionLimit(maxConnections(), server));
        server.setHandler(new ScrapeHandler(new PrometheusScrapeHandler(registry), faults));
        server.setErrorHandler(new QuietErrorHandler(faults));
        server.setStopTimeout(2_000);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw bindFailure(bind, port, e);
        }
        return new MetricsServer(server, connector, describe(connector));
    }

    /** The port actually bound (useful after port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** What listens where, in words: "0.0.0.0:9464 (every IPv4 address of this machine; not IPv6)". */
    public String listening() {
        return listening;
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static InetAddress resolve(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new InvalidSettingException("bind", bind + ": not an address; pass an IP address of this machine, e.g. 127.0.0.1", null);
        }
    }

    /** Connections kept open at once: below the descriptor limit with room for the JVM's own files. */
    static int maxConnections() {
        long soft = OpenFileLimit.soft();
        return (int) Math.max(16, Math.min(1024, soft - 64));
    }

    static RuntimeException bindFailure(String bind, int port, Exception e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof BindException) && !(cause instanceof java.net.SocketException)) {
            cause = cause.getCause();
        }
        String why = cause == null ? String.valueOf(e.getMessage()) : String.valueOf(cause.getMessage());
        if (why.contains("in use")) {
            return new InvalidSettingException("port", port + ": " + bind + ":" + port
                    + " is already in use; stop what listens there or choose another port with --port", null);
        }
        if (why.contains("Permission denied") || why.contains("Access denied")) {
            return new InvalidSettingException("port", port + ": ports below 1024 need root or CAP_NET_BIND_SERVICE; "
                    + "choose --port 1024 or above (default 9464)", null);
        }
        if (cause != null) {
            return new InvalidSettingException("bind", bind + ": cannot listen there (" + why
                    + "); pass an address of this machine, e.g. 127.0.0.1", null);
        }
        return new UncheckedIOException("cannot start the /metrics server on " + bind + ":" + port,
                e instanceof IOException io ? io : new IOException(e));
    }

    private static String describe(ServerConnector connector) {
        try {
            InetSocketAddress local = (InetSocketAddress) ((ServerSocketChannel) connector.getTransport()).getLocalAddress();
            InetAddress a = local.getAddress();
            String host = a instanceof Inet4Address ? a.getHostAddress()
                    : a.isAnyLocalAddress() ? "[::]" : "[" + a.getHostAddress() + "]";
            String where = host + ":" + local.getPort();
            if (a.isAnyLocalAddress()) {
                return a instanceof Inet4Address
                        ? where + " (every IPv4 address of this machine; not IPv6: --bind :: listens on both)"
                        : where + " (every IPv6 and IPv4 address of this machine: a dual-stack socket)";
            }
            return where + (a.isLoopbackAddress() ? " (this machine only)" : " (this address only)");
        } catch (IOException e) {
            return "port " + connector.getLocalPort();
        }
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort; the process is on its way out.
        }
    }

    /** Opens the listening socket in the address's own family, so 0.0.0.0 means IPv4 only, as it says. */
    private static final class FamilyConnector extends ServerConnector {
        private final InetAddress address;

        FamilyConnector(Server server, InetAddress address, HttpConnectionFactory factory) {
            super(server, 1, 1, factory);
            this.address = address;
        }

        @Override
        protected ServerSocketChannel openAcceptChannel() throws IOException {
            ServerSocketChannel channel = ServerSocketChannel.open(
                    address instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
            try {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(new InetSocketAddress(address, getPort()), getAcceptQueueSize());
                return channel;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }
}
