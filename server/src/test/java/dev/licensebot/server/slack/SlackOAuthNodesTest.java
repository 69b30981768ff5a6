package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.oauth.InstallLinks;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.TestSecrets;
import dev.licensebot.slack.testing.Texts;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Installations shared by the nodes of one database, and tokens that rotate. */
class SlackOAuthNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void installThroughLink(TestCore t, SlackOAuthNode node, FakeSlack slack, Tenant tenant,
                                           String team) {
        String token = new InstallLinks(t.database().jdbi(), TestSecrets.box(), t.core().tenants(), t.core().audit(),
                t.clock()).create(tenant.id(), InstallLinks.DEFAULT_LIFETIME);
        SlackOAuthNode.Started started = node.openInstallPage("?link=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpResponse<String> done = node.callback(slack.oauth().approve(null, team, false), started.state(),
                started.cookie());
        assertEquals(200, done.statusCode(), done.body());
    }

    private static String ask(SlackOAuthNode node, FakeSlack slack, String team, String userId) {
        String responseUrl = slack.newResponseUrl();
        HttpResponse<String> ack = node.client.command(team, userId, "usage", responseUrl);
        assertEquals(200, ack.statusCode(), ack.body());
        try {
            return ack.body().isBlank() ? Texts.of(slack.awaitResponse(responseUrl, 1)) : Texts.of(JSON.readTree(ack.body()));
        } catch (IOException e) {
            throw new AssertionError(ack.body(), e);
        }
    }

    private static String person(TestCore t, FakeSlack slack, Tenant tenant, String team) {
        Actor actor = t.operator(tenant, Role.ADVANCED_ADMIN);
        String userId = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        slack.user(team, userId, actor.name());
        return userId;
    }

    private static List<String> tokensOf(FakeSlack slack, String userId) {
        return slack.calls("/api/users.info").stream().filter(c -> userId.equals(c.form().get("user")))
                .map(FakeSlack.Call::token).distinct().toList();
    }

    @OnBothDatabases
    void twoNodesOnOneDatabaseEachServeAWorkspaceInstalledThroughTheOther(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode first = new SlackOAuthNode(t, slack);
             SlackOAuthNode second = new SlackOAuthNode(t, slack)) {
            Tenant viaFirst = t.tenant(4, 4);
            Tenant viaSecond = t.tenant(6, 6);
            String teamA = SlackFixture.newTeam();
            String teamB = SlackFixture.newTeam();
            installThroughLink(t, first, slack, viaFirst, teamA);
            installThroughLink(t, second, slack, viaSecond, teamB);
            String ann = person(t, slack, viaFirst, teamA);
            String bob = person(t, slack, viaSecond, teamB);

            assertTrue(ask(second, slack, teamA, ann).contains("/ 4 in use"));
            assertTrue(ask(first, slack, teamB, bob).contains("/ 6 in use"));
            assertEquals(List.of(slack.oauth().tokenOf(teamA)), tokensOf(slack, ann));
            assertEquals(List.of(slack.oauth().tokenOf(teamB)), tokensOf(slack, bob));
        }
    }

    @OnBothDatabases
    void aTokenNearItsEndIsRefreshedStoredForEveryNodeAndTheNewOneUsed(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode first = new SlackOAuthNode(t, slack);
             SlackOAuthNode second = new SlackOAuthNode(t, slack)) {
            Tenant tenant = t.tenant(2, 2);
            String team = SlackFixture.newTeam();
            slack.oauth().rotateTokens(60);
            installThroughLink(t, first, slack, tenant, team);
            String installed = slack.oauth().tokenOf(team);
            String ann = person(t, slack, tenant, team);

            assertTrue(ask(first, slack, team, ann).contains("/ 2 in use"));
            String rotated = slack.oauth().tokenOf(team);
            assertNotEquals(installed, rotated, "refreshed with the stored refresh token");
            assertEquals(List.of(rotated), tokensOf(slack, ann));
            long refreshes = slack.oauth().refreshes();

            String bob = person(t, slack, tenant, team);
            assertTrue(ask(second, slack, team, bob).contains("/ 2 in use"));
            assertEquals(List.of(rotated), tokensOf(slack, bob), "the other node uses the stored new token");
            assertEquals(refreshes, slack.oauth().refreshes(), "and does not refresh it again");
        }
    }
}
