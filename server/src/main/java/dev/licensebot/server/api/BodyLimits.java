package dev.licensebot.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads every request body in full, without a thread, before the application sees it, within a
 * size cap per route and a deadline for the whole body (issue 21: 300 connections trickling a byte
 * every 2 s held every server thread, since a blocking read holds one while it waits). Over the cap
 * is 413, before a byte is read when the length is declared; a body not complete by the deadline is
 * 408; both in the API's error shape. A body its client gives up on is one quiet line in the log
 * (see {@link BodyRead}). A stop does not wait for bodies still arriving: they are answered 503.
 */
public final class BodyLimits extends Handler.Wrapper implements Graceful {

    /** The whole body must arrive within this: above 25 kB/s for the largest REST body. */
    public static final Duration DEADLINE = Duration.ofSeconds(10);

    /** Bodies on paths starting with {@code prefix} may be at most {@code maxBytes} long. */
    public record Cap(String prefix, int maxBytes) {
    }

    private final List<Cap> caps;
    private final int otherwise;
    private final Duration deadline;
    private final ObjectMapper json;
    private final Set<BodyRead> reading = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    /** The first cap whose prefix matches applies; {@code otherwise} to any other path. */
    public BodyLimits(List<Cap> caps, int otherwise, Duration deadline, ObjectMapper json) {
        this.caps = List.copyOf(caps);
        this.otherwise = otherwise;
        this.deadline = deadline;
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        if (declared <= 0 && !chunked(request)) {
            return super.handle(request, response, callback);
        }
        BodyRead read = new BodyRead(this, request, response, callback, capFor(request.getHttpURI().getPath()),
                declared);
        if (declared > read.cap()) {
            read.refuseAtOnce();
        } else {
            read.start();
        }
        return true;
    }

    /** Jetty's graceful stop: bodies still arriving would only hold it up until their deadline. */
    @Override
    public CompletableFuture<Void> shutdown() {
        shutdown = true;
        reading.forEach(BodyRead::stopping);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    Duration deadline() {
        return deadline;
    }

    /** Registers a body being read; false when the server is stopping (the read answers 503 then). */
    boolean reading(BodyRead read) {
        reading.add(read);
        return !shutdown;
    }

    void doneReading(BodyRead read) {
        reading.remove(read);
    }

    /** The whole body is here: the application runs, on this thread. */
    void dispatch(Request whole, Response response, Callback callback) {
        try {
            if (!super.handle(whole, response, callback)) {
                Response.writeError(whole, response, callback, 404);
            }
        } catch (Throwable t) {
            Response.writeError(whole, response, callback, t);
        }
    }

    /** Written here, not through Jetty's error page; the connection closes after it. */
    void answer(Response response, Callback callback, int status, ErrorJson error) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("An error body is always serializable", e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static boolean chunked(Request request) {
        HttpField encoding = request.getHeaders().getField(HttpHeader.TRANSFER_ENCODING);
        return encoding != null && encoding.contains(HttpHeaderValue.CHUNKED.asString());
    }

    private int capFor(String path) {
        if (path != null) {
            for (Cap c : caps) {
                if (path.startsWith(c.prefix())) {
                    return c.maxBytes();
                }
            }
        }
        return otherwise;
    }
}
