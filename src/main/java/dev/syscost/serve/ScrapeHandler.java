package dev.syscost.serve;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Enumeration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Routes serve's requests: /metrics and /-/healthy to GET and HEAD only (405 otherwise), anything else 404. */
final class ScrapeHandler extends Handler.Abstract {
    static final String CLIENT_GONE = "a client went away before its reply was sent (counted, not an error of serve)";
    static final String SCRAPE_FAILED = "a scrape failed inside serve";

    private final PrometheusScrapeHandler scrape;
    private final FaultLog faults;

    ScrapeHandler(PrometheusScrapeHandler scrape, FaultLog faults) {
        this.scrape = scrape;
        this.faults = faults;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (!path.equals("/metrics") && !path.equals("/-/healthy")) {
            reply(response, callback, 404, "not found: serve answers GET /metrics and GET /-/healthy\n");
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            reply(response, callback, 405, "method not allowed: " + path + " answers GET and HEAD only\n");
        } else if (path.equals("/-/healthy")) {
            reply(response, callback, 200, "Exporter is healthy.\n");
        } else {
            scrape(request, response, callback, path);
        }
        return true;
    }

    private void scrape(Request request, Response response, Callback callback, String path) {
        Exchange exchange = new Exchange(request, response, path);
        try {
            scrape.handleRequest(exchange);
            exchange.close();
            callback.succeeded();
        } catch (IOException e) {
            faults.fault(CLIENT_GONE);
            callback.failed(e);
        } catch (RuntimeException e) {
            faults.fault(SCRAPE_FAILED + ": " + e);
            callback.failed(e);
        }
    }

    private static void reply(Response response, Callback callback, int status, String text) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, text, callback);
    }

    /** One request/response pair seen through the Prometheus client's exchange interface. */
    private static final class Exchange implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {
        private final Request request;
        private final Response response;
        private final String path;
        private OutputStream body;

        Exchange(Request request, Response response, String path) {
            this.request = request;
            this.response = response;
            this.path = path;
        }

        @Override public PrometheusHttpRequest getRequest() { return this; }
        @Override public PrometheusHttpResponse getResponse() { return this; }
        @Override public String getQueryString() { return request.getHttpURI().getQuery(); }
        @Override public Enumeration<String> getHeaders(String name) { return request.getHeaders().getValues(name); }
        @Override public String getMethod() { return request.getMethod(); }
        @Override public String getRequestPath() { return path; }
        @Override public void setHeader(String name, String value) { response.getHeaders().put(name, value); }

        @Override
        public OutputStream sendHeadersAndGetBody(int status, int contentLength) {
            response.setStatus(status);
            if (contentLength > 0) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, contentLength);
            }
            body = Content.Sink.asOutputStream(response);
            return body;
        }

        @Override
        public void handleException(IOException e) throws IOException {
            throw e;
        }

        @Override
        public void handleException(RuntimeException e) {
            throw e;
        }

        @Override
        public void close() {
            // The handler closes the body when done; a failure there surfaces from handleRequest.
        }
    }
}
