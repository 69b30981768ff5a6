package dev.licensebot.server.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.blocks.ActionIds;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.SignedSlackClient;
import dev.licensebot.slack.testing.SlackPayloads;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackAccessTest {

    @OnBothDatabases
    void anUnlinkedWorkspaceIsToldHowToLinkIt(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String team = SlackFixture.newTeam();
            f.slack.user("UNEW", "someone@example.com");

            SlackFixture.Answer answer = f.command(team, "UNEW", "usage");

            assertTrue(answer.text().contains("This Slack workspace is not linked to a licensebot account yet. "
                    + "An operator can link it with `licensebot.jar tenant link-slack --tenant TENANT_ID --team "
                    + team + "`."), answer.text());
        }
    }

    @OnBothDatabases
    void someoneWithoutARoleIsToldWhoCanGrantAccess(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            f.slack.user("USTRANGER", "stranger@example.com");

            SlackFixture.Answer answer = f.command(f.team, "USTRANGER", "usage");

            assertTrue(answer.text().contains("Sorry, you do not have access to licensebot for this account. Ask "
                    + admin.actor().name() + " to grant you access."), answer.text());
        }
    }

    @OnBothDatabases
    void anotherWorkspaceCannotTouchThisTenantsSessionsOrConfirmations(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer plan = f.command(admin, "terminate " + ann.id());
            Tenant other = f.t.tenant(5, 5);
            String otherTeam = SlackFixture.newTeam();
            f.t.core().tenants().linkSlackTeam(other.id(), otherTeam);
            // The same email is an admin of the other tenant too: only the workspace tells them apart.
            f.t.core().operators().grant(dev.licensebot.core.access.Actor.cli(other.id()), admin.actor().name(),
                    Role.ADVANCED_ADMIN);

            SlackFixture.Answer guessed = f.command(otherTeam, admin.userId(), "terminate " + ann.id());
            ObjectNode press = SlackPayloads.press(otherTeam, admin.userId(), plan.message(),
                    ActionIds.TERMINATE_CONFIRM, plan.responseUrl(), null);
            SlackFixture.Answer foreignConfirm = f.send(plan, press);

            assertTrue(guessed.text().contains("There is nothing to terminate. No session " + ann.id() + "."),
                    guessed.text());
            assertTrue(foreignConfirm.text().contains("That confirmation does not exist; nothing was done."),
                    foreignConfirm.text());
            assertTrue(f.t.core().sessionLicenses().require(f.tenant, ann.id()).isOpen());
        }
    }

    @OnBothDatabases
    void aForgedSignatureIsRefusedAndChangesNothing(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer plan = f.command(admin, "terminate " + ann.id());
            String body = SignedSlackClient.formBody(Map.of("payload", SlackPayloads.press(f.team, admin.userId(),
                    plan.message(), ActionIds.TERMINATE_CONFIRM, plan.responseUrl(), null).toString()));
            long now = Instant.now().getEpochSecond();

            HttpResponse<String> forged = f.client.send(body, "application/x-www-form-urlencoded", now,
                    SignedSlackClient.sign("not-the-secret", now, body), Map.of());

            assertEquals(401, forged.statusCode());
            assertTrue(f.t.core().sessionLicenses().require(f.tenant, ann.id()).isOpen());
        }
    }

    @OnBothDatabases
    void aStaleTimestampIsRefusedEvenWhenSignedCorrectly(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer plan = f.command(admin, "terminate " + ann.id());
            String body = SignedSlackClient.formBody(Map.of("payload", SlackPayloads.press(f.team, admin.userId(),
                    plan.message(), ActionIds.TERMINATE_CONFIRM, plan.responseUrl(), null).toString()));
            long tenMinutesAgo = Instant.now().getEpochSecond() - 600;

            HttpResponse<String> replayed = f.client.send(body, "application/x-www-form-urlencoded", tenMinutesAgo,
                    SignedSlackClient.sign(SlackFixture.SIGNING_SECRET, tenMinutesAgo, body), Map.of());

            assertEquals(401, replayed.statusCode());
            assertTrue(f.t.core().sessionLicenses().require(f.tenant, ann.id()).isOpen());
        }
    }

    @OnBothDatabases
    void aTimestampFromTheFutureIsRefusedEvenWhenSignedCorrectly(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer plan = f.command(admin, "terminate " + ann.id());
            String body = SignedSlackClient.formBody(Map.of("payload", SlackPayloads.press(f.team, admin.userId(),
                    plan.message(), ActionIds.TERMINATE_CONFIRM, plan.responseUrl(), null).toString()));
            long tenMinutesAhead = Instant.now().getEpochSecond() + 600;

            HttpResponse<String> prepared = f.client.send(body, "application/x-www-form-urlencoded", tenMinutesAhead,
                    SignedSlackClient.sign(SlackFixture.SIGNING_SECRET, tenMinutesAhead, body), Map.of());

            assertEquals(401, prepared.statusCode());
            assertErrorShape(prepared, "invalid_slack_signature");
            assertTrue(f.t.core().sessionLicenses().require(f.tenant, ann.id()).isOpen());
        }
    }

    @OnBothDatabases
    void anUnsignedRequestIsRefusedBeforeItsBodyIsRead(TestDatabase db) throws Exception {
        try (SlackFixture f = SlackFixture.on(db)) {
            HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + f.server.port() + SlackMount.PATH))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("payload=not+json")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(401, unsigned.statusCode(), unsigned.body());
            assertErrorShape(unsigned, "invalid_slack_signature");
        }
    }

    private static void assertErrorShape(HttpResponse<String> response, String error) {
        try {
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertEquals(error, body.path("error").asText(), response.body());
            assertFalse(body.path("message").asText().isBlank(), response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    @OnBothDatabases
    void aSlackRetryAppliesNothingTwice(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            SlackFixture.Person admin = f.person(Role.ACCOUNT_ADMIN);
            SlackFixture.Answer plan = f.command(admin, "terminate " + ann.id());
            int beforeThePress = f.slack.calls(FakeSlack.pathOf(plan.responseUrl())).size();
            ObjectNode press = SlackPayloads.press(f.team, admin.userId(), plan.message(), ActionIds.TERMINATE_CONFIRM,
                    plan.responseUrl(), null);
            f.send(plan, press);

            HttpResponse<String> retry = f.client.interaction(press,
                    Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
            // Something after the retry that surely answers, so the retry had every chance to act first.
            SlackFixture.Answer after = f.command(admin, "help");

            assertEquals(200, retry.statusCode());
            assertEquals("1", retry.headers().firstValue("X-Slack-No-Retry").orElse(""));
            assertTrue(after.text().contains("What licensebot can do"));
            assertEquals(beforeThePress + 1, f.slack.calls(FakeSlack.pathOf(plan.responseUrl())).size(),
                    "the outcome of the press, nothing more");
            assertEquals(1, SlackTerminateTest.terminations(f));
        }
    }
}
