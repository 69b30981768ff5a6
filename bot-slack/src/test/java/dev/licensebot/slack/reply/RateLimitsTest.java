package dev.licensebot.slack.reply;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.licensebot.slack.testing.FakeSlack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitsTest {

    private static MethodsClient client(FakeSlack slack) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        return Slack.getInstance(config).methods(FakeSlack.BOT_TOKEN);
    }

    private static ChatPostMessageResponse post(MethodsClient client) {
        return WebApi.call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel("U1").text("hi")),
                ChatPostMessageResponse::getResponseMetadata);
    }

    @Test
    void aRateLimitedCallIsMadeOnceMoreAfterTheRetryAfterSlackAsksFor() {
        try (FakeSlack slack = FakeSlack.start()) {
            slack.rateLimit("chat.postMessage", 1, 1);
            Instant start = Instant.now();

            assertTrue(post(client(slack)).isOk());

            assertEquals(2, slack.calls("/api/chat.postMessage").size());
            assertTrue(Duration.between(start, Instant.now()).toMillis() >= 900, "waited for Retry-After");
        }
    }

    @Test
    void neverMoreThanOneRetryAndNoWaitForARetryAfterBeyondTheBound() {
        try (FakeSlack slack = FakeSlack.start()) {
            slack.rateLimit("chat.postMessage", 5, 0);
            assertThrows(RuntimeException.class, () -> post(client(slack)));
            assertEquals(2, slack.calls("/api/chat.postMessage").size(), "no retry storm");

            slack.rateLimit("chat.postMessage", 1, 3600);
            Instant start = Instant.now();
            assertThrows(RuntimeException.class, () -> post(client(slack)));
            assertTrue(Duration.between(start, Instant.now()).compareTo(RateLimits.MAX_WAIT) < 0, "not an hour");
            assertEquals(3, slack.calls("/api/chat.postMessage").size());
        }
    }
}
