package dev.licensebot.server.api;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request body being read for {@link BodyLimits}. The read loop runs on whichever thread Jetty
 * calls back on, one call at a time; the deadline and a stop may fire alongside it, so the first
 * outcome claims the answer, once: the application (whole body), 413 (too large), 408 (too slow),
 * 503 (stopping), or nothing (the client went away).
 */
final class BodyRead implements Runnable {

    /**
     * After a 413 the rest of the body is read and thrown away, up to this much, so the client gets
     * to read the answer: closing with its data unread would reset the connection under it.
     */
    static final long DRAIN_MAX = 4L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(BodyLimits.class);

    private final BodyLimits limits;
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final int cap;
    private final long declared;
    private final long startNanos = System.nanoTime();
    private final ByteArrayOutputStream body;
    private final AtomicBoolean claimed = new AtomicBoolean();
    /** A 413 completes once both its answer is written and the rest of the body is drained. */
    private final AtomicInteger toComplete = new AtomicInteger(2);
    private final AtomicBoolean drainOver = new AtomicBoolean();
    private volatile boolean draining;
    private long drained;
    private Scheduler.Task timer;

    BodyRead(BodyLimits limits, Request request, Response response, Callback callback, int cap, long declared) {
        this.limits = limits;
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.cap = cap;
        this.declared = declared;
        this.body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    }

    int cap() {
        return cap;
    }

    void start() {
        startTimer();
        if (!limits.reading(this)) {
            stopping();
        }
        run();
    }

    /** The declared length is over the cap: 413 before a byte is read. */
    void refuseAtOnce() {
        startTimer();
        claimed.set(true);
        refuseTooLarge();
        run();
    }

    private void startTimer() {
        timer = request.getComponents().getScheduler().schedule(this::expire, limits.deadline().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Reads what has arrived; asks to be called again when more does. */
    @Override
    public void run() {
        while (draining ? !drainOver.get() : !claimed.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                if (draining) {
                    endDrain();
                } else {
                    abandoned(chunk.getFailure());
                }
                return;
            }
            boolean last = chunk.isLast();
            ByteBuffer bytes = chunk.getByteBuffer();
            if (draining) {
                drained += bytes.remaining();
                chunk.release();
                if (last || drained > DRAIN_MAX) {
                    endDrain();
                    return;
                }
            } else if (body.size() + bytes.remaining() > cap) {
                chunk.release();
                if (claim()) {
                    refuseTooLarge();
                }
            } else {
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.write(copy, 0, copy.length);
                chunk.release();
                if (last && claim()) {
                    timer.cancel();
                    limits.dispatch(new WholeBody(request, body.toByteArray()), response, callback);
                }
            }
        }
    }

    private boolean claim() {
        if (!claimed.compareAndSet(false, true)) {
            return false;
        }
        limits.doneReading(this);
        return true;
    }

    private void refuseTooLarge() {
        draining = true;
        limits.answer(response, Callback.from(this::completeOne, callback::failed), 413,
                ErrorJson.of("payload_too_large", "The request body is too large: at most " + kilobytes(cap)
                        + " are accepted here."));
    }

    private void endDrain() {
        if (drainOver.compareAndSet(false, true)) {
            timer.cancel();
            completeOne();
        }
    }

    private void completeOne() {
        if (toComplete.decrementAndGet() == 0) {
            callback.succeeded();
        }
    }

    private void expire() {
        if (draining) {
            endDrain();
        } else if (claim()) {
            quietly("did not arrive in time");
            limits.answer(response, callback, 408, ErrorJson.of("request_timeout",
                    "The request body did not arrive within " + limits.deadline().toSeconds() + " seconds."));
        }
    }

    void stopping() {
        if (claim()) {
            timer.cancel();
            quietly("did not arrive before the server stopped");
            limits.answer(response, callback, 503, ErrorJson.of("shutting_down",
                    "The server is shutting down; please send the request again."));
        }
    }

    private void abandoned(Throwable failure) {
        if (claim()) {
            timer.cancel();
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

    private static String kilobytes(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " kB" : bytes + " bytes";
    }
}
