package org.openmaf.onem2m;

import org.openmaf.wire.MafNames;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Contract section 4: bodies over 64 KiB get 400 / 4000, not the HTTP server's bare 413, on /maf and /admin alike. A
 * declared Content-Length is refused here before the body is used (this route runs just before Quarkus's own upload
 * limit); a chunked body that grows past {@code quarkus.http.limits.max-body-size} is stopped by Quarkus and its 413
 * is rewritten the same way.
 * <p>
 * A body of up to {@value #MAX_DRAINED_BYTES} bytes is read and dropped before the answer goes out, so the client,
 * still sending, gets to read it (closing at once would leave it a broken pipe and no answer, which HostileInputTest
 * found); a larger declared body is not worth reading, and the connection closes after the answer.
 * <p>
 * A body within the limit is read here, on the event loop, before the request reaches JAX-RS: a blocking resource
 * method would otherwise start on a worker thread that then waits, monitor against monitor, for the body's bytes to
 * arrive (RESTEasy Reactive's blocking input stream), which was 15 % of a key registration's CPU samples (JFR, issue
 * 12), and a peer trickling its body would hold a worker thread rather than a buffer. RESTEasy reads the buffered body
 * ({@code RoutingContext.getBody()}); a chunked body that grows past the limit fails with 413, answered as above.
 * Form bodies are left to the framework, which parses them itself (and refuses them: no MAF resource takes a form).
 */
public class BodyLimit {

    public static final int MAX_BYTES = 64 * 1024;
    public static final String TOO_LARGE_MESSAGE = "The body is larger than the 64 KiB the MAF accepts.";
    static final long MAX_DRAINED_BYTES = 1024 * 1024;
    /** Just before RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT (-2). */
    static final int ORDER = -3;

    @Inject
    Refusals refusals;

    void install(@Observes Router router) {
        router.route(MafNames.BASE_PATH + "*").order(ORDER).handler(this::guard);
        router.route("/admin*").order(ORDER).handler(this::guard);
    }

    void guard(RoutingContext context) {
        context.addHeadersEndHandler(v -> {
            if (context.response().getStatusCode() == 413) {
                context.response().setStatusCode(Rsc.BAD_REQUEST.httpStatus());
                context.response().putHeader(MafNames.HEADER_RSC, String.valueOf(Rsc.BAD_REQUEST.code()));
            }
        });
        long declared = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared <= MAX_BYTES) {
            readBody(context, declared);
            return;
        }
        refusals.counted(Refusals.BODY_TOO_LARGE);
        HttpServerRequest request = context.request();
        if (declared > MAX_DRAINED_BYTES || request.isEnded()) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            WellFormedRequests.end(context, Rsc.BAD_REQUEST, TOO_LARGE_MESSAGE);
            return;
        }
        request.handler(dropped -> {
        });
        request.endHandler(end -> WellFormedRequests.end(context, Rsc.BAD_REQUEST, TOO_LARGE_MESSAGE));
        request.resume();
    }

    /** Buffers a body of at most {@link #MAX_BYTES} for JAX-RS, then lets the request on. */
    private static void readBody(RoutingContext context, long declared) {
        HttpServerRequest request = context.request();
        boolean noBody = declared == 0 || (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null);
        if (request.isEnded() || noBody || isForm(request)) {
            context.next();
            return;
        }
        Buffer body = Buffer.buffer(declared > 0 ? (int) declared : 1024);
        request.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_BYTES) {
                request.handler(dropped -> {
                });
                request.endHandler(null);
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                context.fail(413);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            context.setBody(body);
            context.next();
        });
        request.resume();
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && (type.regionMatches(true, 0, "multipart/", 0, 10)
                || type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33));
    }

    /** The declared Content-Length, or -1 without one (a malformed one the HTTP codec refuses itself). */
    private static long declaredLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }
}
