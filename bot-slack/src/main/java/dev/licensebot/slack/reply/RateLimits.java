package dev.licensebot.slack.reply;

import com.slack.api.methods.SlackApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Slack's rate limits: a Web API call answered 429 is made once more after the Retry-After Slack
 * asks for, when that is short enough to wait while someone waits for an answer. Never more than
 * one retry, so a busy workspace never sees a storm of them; a longer Retry-After fails at once.
 */
public final class RateLimits {

    /** The longest Retry-After worth waiting: an answer later than this is no longer expected. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);

    private RateLimits() {
    }

    public static <T> T call(String method, WebApi.Call<T> call) throws IOException, SlackApiException {
        try {
            return call.call();
        } catch (SlackApiException e) {
            Duration wait = retryAfter(e);
            if (wait == null || wait.compareTo(MAX_WAIT) > 0) {
                throw e;
            }
            LOG.info("Slack rate-limited {}: trying once more in {} s", method, wait.toSeconds());
            waitOut(wait);
            return call.call();
        }
    }

    /** The wait Slack asks for on a 429 (Retry-After, in seconds); null for any other failure. */
    private static Duration retryAfter(SlackApiException e) {
        if (e.getResponse() == null || e.getResponse().code() != 429) {
            return null;
        }
        String header = e.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(header == null ? 1 : Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    /**
     * Waits for the JDK's shared delay scheduler rather than sleeping: the caller needs this call's
     * answer to go on (an email to resolve, a reply to post), so it waits, but the moment is the
     * scheduler's, and a stop interrupts the wait at once.
     */
    private static void waitOut(Duration wait) throws IOException {
        try {
            CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting out Slack's rate limit", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an empty task failed", e.getCause());
        }
    }
}
