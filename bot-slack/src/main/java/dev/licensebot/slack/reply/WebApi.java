package dev.licensebot.slack.reply;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.ErrorResponseMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Calls one Slack Web API method: a network failure or an ok:false answer is thrown, never
 * returned; a rate limit is waited out once ({@link RateLimits}).
 */
public final class WebApi {

    /** A Web API call, as the SDK's MethodsClient makes it. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws IOException, SlackApiException;
    }

    private WebApi() {
    }

    /** {@code metadata}: where the response keeps Slack's detail lines (each response type has its own). */
    public static <T extends SlackApiTextResponse> T call(String method, Call<T> call,
                                                          Function<T, ErrorResponseMetadata> metadata) {
        T response;
        try {
            response = RateLimits.call(method, call);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " failed", e);
        } catch (SlackApiException e) {
            throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
        }
        if (!response.isOk()) {
            throw RefusedBySlack.of(method, response, metadata.apply(response));
        }
        return response;
    }
}
