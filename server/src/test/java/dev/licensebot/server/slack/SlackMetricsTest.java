package dev.licensebot.server.slack;

import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.ops.Scrape;
import dev.licensebot.slack.blocks.ActionIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Slack interactions, signed as Slack sends them, show up in /metrics by kind and outcome. */
class SlackMetricsTest {

    @OnBothDatabases
    void slackInteractionsAreCountedByKindAndOutcome(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Person supervisor = f.person(Role.SUPERVISOR);
            AgentSession ann = f.session("ann");
            Scrape before = scrape(f);

            f.command(admin, "usage");
            f.command(supervisor, "active");
            SlackFixture.Answer confirmation = f.command(admin, "terminate " + ann.id());
            SlackFixture.Answer result = f.press(admin, confirmation, ActionIds.TERMINATE_CONFIRM);
            assertFalse(f.server.core().sessionLicenses().require(f.tenant, ann.id()).asOf(f.t.clock().instant())
                    .isOpen(), result.text());

            // The worker counts right after it answered, so the last count may trail the last reply a little.
            Map<String, Double> expected = Map.of(
                    "command/answered", 2.0, "command/refused", 1.0, ActionIds.TERMINATE_CONFIRM + "/answered", 1.0);
            Scrape after = awaitCounts(f, before, expected, Duration.ofSeconds(10));
            expected.forEach((kindAndOutcome, count) -> assertEquals(count, moved(before, after, kindAndOutcome),
                    kindAndOutcome));
            assertEquals(1.0, after.value("licensebot_sessions_closed_total", "reason", "terminated")
                    - before.value("licensebot_sessions_closed_total", "reason", "terminated"));
            assertEquals(1.0, after.value("licensebot_confirmations_total", "action", "terminate", "outcome", "confirmed")
                    - before.value("licensebot_confirmations_total", "action", "terminate", "outcome", "confirmed"));
        }
    }

    private static Scrape awaitCounts(SlackFixture f, Scrape before, Map<String, Double> expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Scrape now = scrape(f);
        while (Instant.now().isBefore(deadline) && !reached(before, now, expected)) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            now = scrape(f);
        }
        return now;
    }

    private static boolean reached(Scrape before, Scrape now, Map<String, Double> expected) {
        return expected.entrySet().stream().allMatch(e -> moved(before, now, e.getKey()) >= e.getValue());
    }

    private static double moved(Scrape before, Scrape after, String kindAndOutcome) {
        String[] parts = kindAndOutcome.split("/");
        String[] labels = {"surface", "slack", "kind", parts[0], "outcome", parts[1]};
        return after.value("licensebot_chat_interactions_total", labels)
                - before.value("licensebot_chat_interactions_total", labels);
    }

    private static Scrape scrape(SlackFixture f) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + f.server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            return Scrape.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
