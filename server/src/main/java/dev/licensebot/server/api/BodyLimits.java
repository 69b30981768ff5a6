package dev.licensebot.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads every request body in full, without a thread, before the application sees it, within a
 * size cap per route and a deadline for the whole body (issue 21: 300 connections trickling a byte
 * every 2 s held every server thread, since a blocking read holds one while it waits). Over the cap
 * is 413 before a byte is read when the length is declared; a body not complete by the deadline is
 * 408; both in the API's error shape. A body its client gives up on is one quiet line in the log.
 * A stop does not wait for bodies still arriving: they are answered 503 at once.
 */
public final class BodyLimits extends Handler.Wrapper implements Graceful {

    /** The whole body must arrive within this: above 25 kB/s for the largest REST body. */
    public static final Duration DEADLINE = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(BodyLimits.class);

    /** Bodies on paths starting with {@code prefix} may be at most {@code maxBytes} long. */
    public record Cap(String prefix, int maxBytes) {
    }

    private final List<Cap> caps;
    private final int otherwise;
    private final Duration deadline;
    private final ObjectMapper json;
    private final Set<Loader> loading = ConcurrentHashMap.newKeySet();
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
        int cap = capFor(request.getHttpURI().getPath());
        if (declared > cap) {
            tooLarge(response, callback, cap);
            return true;
        }
        new Loader(request, response, callback, cap, declared).start();
        return true;
    }

    /** Jetty's graceful stop: bodies still arriving would only hold it up until their deadline. */
    @Override
    public CompletableFuture<Void> shutdown() {
        shutdown = true;
        loading.forEach(Loader::stopping);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
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

    private void tooLarge(Response response, Callback callback, int cap) {
        answer(response, callback, 413, ErrorJson.of("payload_too_large",
                "The request body is too large: at most " + kilobytes(cap) + " are accepted here."));
    }

    /** Written here, not through Jetty's error page: the connection closes, the unread rest with it. */
    private void answer(Response response, Callback callback, int status, ErrorJson error) {
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

    private static String kilobytes(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " kB" : bytes + " bytes";
    }

    /**
     * One body being read: the read loop runs on whichever thread Jetty calls back on, one at a
     * time; the deadline may fire alongside it, so whoever settles first answers, once.
     */
    private final class Loader implements Runnable {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final int cap;
        private final long declared;
        private final ByteArrayOutputStream body;
        private final AtomicBoolean settled = new AtomicBoolean();
        private final long startNanos = System.nanoTime();
        private Scheduler.Task timer;

        Loader(Request request, Response response, Callback callback, int cap, long declared) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.cap = cap;
            this.declared = declared;
            this.body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        }

        void start() {
            timer = request.getComponents().getScheduler().schedule(this::expire, deadline.toMillis(),
                    TimeUnit.MILLISECONDS);
            loading.add(this);
            if (shutdown) {
                stopping();
            }
            run();
        }

        /** Reads what has arrived; asks to be called again when more does. */
        @Override
        public void run() {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    abandoned(chunk.getFailure());
                    return;
                }
                boolean last = chunk.isLast();
                ByteBuffer bytes = chunk.getByteBuffer();
                if (body.size() + bytes.remaining() > cap) {
                    chunk.release();
                    if (settle()) {
                        tooLarge(response, callback, cap);
                    }
                    return;
                }
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.write(copy, 0, copy.length);
                chunk.release();
                if (last) {
                    if (settle()) {
                        dispatch();
                    }
                    return;
                }
            }
        }

        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            timer.cancel();
            loading.remove(this);
            return true;
        }

        private void dispatch() {
            Request whole = new WholeBody(request, body.toByteArray());
            try {
                if (!BodyLimits.super.handle(whole, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable t) {
                Response.writeError(request, response, callback, t);
            }
        }

        private void expire() {
            if (settle()) {
                quietly("did not arrive in time");
                answer(response, callback, 408, ErrorJson.of("request_timeout",
                        "The request body did not arrive within " + deadline.toSeconds() + " seconds."));
            }
        }

        void stopping() {
            if (settle()) {
                quietly("did not arrive before the server stopped");
                answer(response, callback, 503, ErrorJson.of("shutting_down",
                        "The server is shutting down; please send the request again."));
            }
        }

        private void abandoned(Throwable failure) {
            if (settle()) {
                quietly("did not arrive: the client went away");
                callback.failed(failure);
            }
        }

        /** One line, no stack trace: a client that stops sending is not our failure. */
        private void quietly(String what) {
            LOG.info("A request body {}: {} {} from {}, {} of {} bytes in {} ms", what, request.getMethod(),
                    request.getHttpURI().getPath(), Request.getRemoteAddr(request), body.size(),
                    declared < 0 ? "unknown" : declared, (System.nanoTime() - startNanos) / 1_000_000);
        }
    }

    /** The request as the application reads it: its body, already here, in one last chunk. */
    private static final class WholeBody extends Request.Wrapper {

        private Content.Chunk pending;

        WholeBody(Request wrapped, byte[] body) {
            super(wrapped);
            this.pending = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public synchronized Content.Chunk read() {
            if (pending == null) {
                return Content.Chunk.EOF;
            }
            Content.Chunk chunk = pending;
            pending = null;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run(); // a read never waits: the body is all here
        }

        @Override
        public boolean consumeAvailable() {
            read();
            return true;
        }
    }
}
