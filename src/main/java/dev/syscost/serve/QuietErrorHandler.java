package dev.syscost.serve;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Jetty's error replies without stack traces; each class of refused request is one rate-limited fault line. */
final class QuietErrorHandler extends ErrorHandler {
    private final FaultLog faults;

    QuietErrorHandler(FaultLog faults) {
        this.faults = faults;
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Object status = request.getAttribute(ERROR_STATUS);
        faults.fault("a client's request was refused with HTTP " + (status == null ? response.getStatus() : status)
                + " (malformed, or request line and headers over " + MetricsServer.MAX_REQUEST_HEADER_BYTES + " bytes)");
        return super.handle(request, response, callback);
    }
}
