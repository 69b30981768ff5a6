package dev.licensebot.server.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Standing;
import dev.licensebot.core.audit.AuditEntry;
import dev.licensebot.core.audit.AuditLog;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackAccessTest {

    @OnBothDatabases
    void anUnlinkedWorkspaceIsToldHowToLinkIt(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            String team = SlackFixture.newTeam();
            f.slack.user(team, "UNEW", "someone@example.com");

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
            f.slack.user(f.team, "USTRANGER", "stranger@example.com");

            SlackFixture.Answer answer = f.command(f.team, "USTRANGER", "usage");

            assertTrue(answer.text().contains("Sorry, you do not have access to licensebot for this account. Ask "
                    + admin.actor().name() + " to grant you access."), answer.text());
        }
    }

    /** Someone users.info shows with an operator's email, but not as a full member of the linked workspace. */
    private record Pretender(String kind, Consumer<ObjectNode> flags, Standing standing) {
    }

    private static List<Pretender> pretenders() {
        return List.of(
                new Pretender("deleted user", u -> u.put("deleted", true), Standing.DELETED),
                new Pretender("bot user", u -> u.put("is_bot", true), Standing.BOT),
                new Pretender("app user", u -> u.put("is_app_user", true), Standing.BOT),
                new Pretender("workflow bot", u -> u.put("is_workflow_bot", true), Standing.BOT),
                new Pretender("multi-channel guest", u -> u.put("is_restricted", true), Standing.GUEST),
                new Pretender("single-channel guest", u -> u.put("is_ultra_restricted", true), Standing.GUEST),
                new Pretender("stranger in a shared channel", u -> u.put("is_stranger", true), Standing.STRANGER),
                new Pretender("member of another workspace", u -> u.put("team_id", "TOTHER1"), Standing.STRANGER),
                new Pretender("no workspace at all", u -> u.remove("team_id"), Standing.STRANGER),
                new Pretender("member of another organization", u -> u.put("enterprise_id", "EOTHER1"),
                        Standing.STRANGER),
                new Pretender("Grid user of another organization", u -> u.putObject("enterprise_user")
                        .put("enterprise_id", "EOTHER2").putArray("teams").add("TOTHER2"), Standing.STRANGER),
                new Pretender("unconfirmed email", u -> u.put("is_email_confirmed", false),
                        Standing.EMAIL_UNCONFIRMED),
                new Pretender("email confirmation not stated", u -> u.remove("is_email_confirmed"),
                        Standing.EMAIL_UNCONFIRMED));
    }

    @OnBothDatabases
    void nobodySlackDoesNotVouchForAsAFullMemberIsServedWithAnOperatorsEmailAndEachRefusalIsAudited(
            TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            AgentSession ann = f.session("ann");
            SlackFixture.Person admin = f.person(Role.ADVANCED_ADMIN);

            for (Pretender pretender : pretenders()) {
                String userId = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
                f.slack.user(f.team, userId, admin.actor().name(), pretender.flags());

                SlackFixture.Answer answer = f.command(f.team, userId, "terminate " + ann.id());

                assertFalse(answer.text().contains("Terminate"), pretender.kind() + ": " + answer.text());
                assertTrue(answer.text().contains(refusalOf(pretender.standing())),
                        pretender.kind() + ": " + answer.text());
                AuditEntry audited = f.t.core().audit().recent(f.tenant.id(), 1).get(0);
                assertEquals(AuditLog.CHAT_ACCESS, audited.action(), pretender.kind());
                assertEquals("slack user " + userId + " (" + admin.actor().name() + ")", audited.detail());
                assertEquals("refused: " + pretender.standing().code(), audited.outcome(), pretender.kind());
            }
            SlackFixture.Answer served = f.command(admin, "terminate " + ann.id());

            assertTrue(served.text().contains("Terminate"), "a confirmed full member is served: " + served.text());
            assertEquals(pretenders().size(), f.t.core().audit().recent(f.tenant.id(), 100).stream()
                    .filter(e -> e.action().equals(AuditLog.CHAT_ACCESS)).count());
            assertTrue(f.t.core().sessionLicenses().require(f.tenant, ann.id()).isOpen());
        }
    }

    /** The sentence the core refuses this standing with, as a ChatIdentity shows it. */
    private static String refusalOf(Standing standing) {
        return switch (standing) {
            case DELETED -> "Your account has been deactivated here";
            case BOT -> "licensebot answers people only";
            case GUEST -> "not guests";
            case STRANGER -> "You belong to another workspace or organization";
            case EMAIL_UNCONFIRMED -> "Your email address is not confirmed yet";
            case MEMBER -> throw new IllegalArgumentException("members are served");
        };
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

            // Slack gives the same person another user id in another workspace.
            String otherUserId = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            f.slack.user(otherTeam, otherUserId, admin.actor().name());

            SlackFixture.Answer guessed = f.command(otherTeam, otherUserId, "terminate " + ann.id());
            ObjectNode press = SlackPayloads.press(otherTeam, otherUserId, plan.message(),
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
