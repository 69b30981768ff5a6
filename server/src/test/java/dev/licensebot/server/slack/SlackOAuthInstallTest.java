package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.oauth.InstallLinks;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.SlackPayloads;
import dev.licensebot.slack.testing.Texts;
import dev.licensebot.slack.testing.TestSecrets;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackOAuthInstallTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String linkFor(TestCore t, Tenant tenant) {
        String token = new InstallLinks(t.database().jdbi(), TestSecrets.box(), t.core().tenants(), t.core().audit(),
                t.clock()).create(tenant.id(), InstallLinks.DEFAULT_LIFETIME);
        return "?link=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Through the install page (with {@code query}) and Slack's redirect back; the callback's answer. */
    private static HttpResponse<String> install(SlackOAuthNode node, FakeSlack slack, String query, String team) {
        SlackOAuthNode.Started started = node.openInstallPage(query);
        assertEquals(200, started.status(), started.body());
        assertNotNull(started.state(), started.body());
        return node.callback(slack.oauth().approve(null, team, false), started.state(), started.cookie());
    }

    /** A /licenses command from {@code team}; the text of the answer. */
    private static String ask(SlackOAuthNode node, FakeSlack slack, String team, String userId, String text) {
        String responseUrl = slack.newResponseUrl();
        HttpResponse<String> ack = node.client.command(team, userId, text, responseUrl);
        assertEquals(200, ack.statusCode(), ack.body());
        if (!ack.body().isBlank()) {
            try {
                return Texts.of(JSON.readTree(ack.body()));
            } catch (java.io.IOException e) {
                throw new AssertionError(ack.body(), e);
            }
        }
        return Texts.of(slack.awaitResponse(responseUrl, 1));
    }

    private static String person(TestCore t, FakeSlack slack, Tenant tenant, String team) {
        Actor actor = t.operator(tenant, Role.ADVANCED_ADMIN);
        String userId = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        slack.user(team, userId, actor.name());
        return userId;
    }

    private static List<String> usersInfoTokens(FakeSlack slack, String userId) {
        return slack.calls("/api/users.info").stream().filter(c -> userId.equals(c.form().get("user")))
                .map(FakeSlack.Call::token).toList();
    }

    @OnBothDatabases
    void twoWorkspacesInstalledThroughTheirTenantsLinksEachSeeTheirTenantWithTheirOwnToken(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode node = new SlackOAuthNode(t, slack)) {
            Tenant acme = t.tenant(7, 5);
            Tenant globex = t.tenant(3, 5);
            String acmeTeam = SlackFixture.newTeam();
            String globexTeam = SlackFixture.newTeam();

            assertEquals(200, install(node, slack, linkFor(t, acme), acmeTeam).statusCode());
            assertEquals(200, install(node, slack, linkFor(t, globex), globexTeam).statusCode());

            assertEquals(acme.id(), t.core().tenants().findBySlackTeam(acmeTeam).orElseThrow().id());
            assertEquals(globex.id(), t.core().tenants().findBySlackTeam(globexTeam).orElseThrow().id());
            String ann = person(t, slack, acme, acmeTeam);
            String bob = person(t, slack, globex, globexTeam);
            assertTrue(ask(node, slack, acmeTeam, ann, "usage").contains("/ 7 in use"), "Acme's 7 session licenses");
            assertTrue(ask(node, slack, globexTeam, bob, "usage").contains("/ 3 in use"), "Globex's 3 session licenses");
            assertEquals(List.of(slack.oauth().tokenOf(acmeTeam)), usersInfoTokens(slack, ann).stream().distinct().toList());
            assertEquals(List.of(slack.oauth().tokenOf(globexTeam)), usersInfoTokens(slack, bob).stream().distinct().toList());
        }
    }

    @OnBothDatabases
    void anOrgWideInstallThroughItsTenantsLinkServesEveryWorkspaceOfTheOrganizationWithItsToken(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode node = new SlackOAuthNode(t, slack)) {
            Tenant acme = t.tenant(9, 5);
            String enterprise = "E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            SlackOAuthNode.Started started = node.openInstallPage(linkFor(t, acme));
            assertEquals(200, started.status(), started.body());

            HttpResponse<String> done = node.callback(slack.oauth().approve(enterprise, null, true), started.state(),
                    started.cookie());

            assertEquals(200, done.statusCode(), done.body());
            assertEquals(acme.id(), t.core().tenants().findBySlackTeam(enterprise).orElseThrow().id());
            for (String workspace : List.of(SlackFixture.newTeam(), SlackFixture.newTeam())) {
                String userId = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
                slack.user(workspace, userId, t.operator(acme, Role.ADVANCED_ADMIN).name(), u -> {
                    u.put("enterprise_id", enterprise);
                    u.putObject("enterprise_user").put("enterprise_id", enterprise).putArray("teams").add(workspace);
                });
                String responseUrl = slack.newResponseUrl();
                HttpResponse<String> ack = node.client.orgWideCommand(enterprise, workspace, userId, "usage",
                        responseUrl);
                assertEquals(200, ack.statusCode(), ack.body());
                String answer = ack.body().isBlank() ? Texts.of(slack.awaitResponse(responseUrl, 1))
                        : Texts.of(readJson(ack.body()));
                assertTrue(answer.contains("/ 9 in use"), answer);
                assertEquals(List.of(slack.oauth().tokenOf(enterprise)),
                        usersInfoTokens(slack, userId).stream().distinct().toList());
            }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }

    @OnBothDatabases
    void anInstallWithoutALinkIsStoredUnlinkedAndToldHowToLinkIt(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode node = new SlackOAuthNode(t, slack)) {
            String team = SlackFixture.newTeam();
            slack.user(team, "UNEW" + team, "someone@example.com");

            assertEquals(200, install(node, slack, "", team).statusCode());

            assertTrue(t.core().tenants().findBySlackTeam(team).isEmpty());
            assertTrue(ask(node, slack, team, "UNEW" + team, "usage")
                    .contains("This Slack workspace is not linked to a licensebot account yet."));
        }
    }

    @OnBothDatabases
    void aForgedReplayedOrExpiredStateInstallsNothing(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode node = new SlackOAuthNode(t, slack)) {
            Tenant tenant = t.tenant(1, 1);
            String forgedTeam = SlackFixture.newTeam();
            String forged = UUID.randomUUID().toString();
            node.callback(slack.oauth().approve(null, forgedTeam, false), forged, "slack-app-oauth-state=" + forged);

            SlackOAuthNode.Started started = node.openInstallPage(linkFor(t, tenant));
            String first = SlackFixture.newTeam();
            node.callback(slack.oauth().approve(null, first, false), started.state(), started.cookie());
            String replayedTeam = SlackFixture.newTeam();
            node.callback(slack.oauth().approve(null, replayedTeam, false), started.state(), started.cookie());

            SlackOAuthNode.Started late = node.openInstallPage("");
            t.clock().advance(java.time.Duration.ofMinutes(11));
            String lateTeam = SlackFixture.newTeam();
            node.callback(slack.oauth().approve(null, lateTeam, false), late.state(), late.cookie());

            assertEquals(tenant.id(), t.core().tenants().findBySlackTeam(first).orElseThrow().id());
            for (String refused : List.of(forgedTeam, replayedTeam, lateTeam)) {
                assertEquals(0, (int) db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM slack_bot WHERE team_key = :t").bind("t", refused)
                        .mapTo(Integer.class).one()), refused + " must not be installed");
            }
        }
    }

    @OnBothDatabases
    void aChangedOrUsedInstallLinkIsRefusedAtTheInstallPage(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode node = new SlackOAuthNode(t, slack)) {
            String link = linkFor(t, t.tenant(1, 1));
            install(node, slack, link, SlackFixture.newTeam());

            assertEquals(403, node.openInstallPage(link).status(), "used");
            assertEquals(403, node.openInstallPage(link.substring(0, link.length() - 3) + "abc").status(), "changed");
        }
    }

    @OnBothDatabases
    void uninstallingPurgesTheWorkspacesTokensAndLink(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode node = new SlackOAuthNode(t, slack)) {
            Tenant tenant = t.tenant(2, 2);
            String team = SlackFixture.newTeam();
            install(node, slack, linkFor(t, tenant), team);
            String ann = person(t, slack, tenant, team);
            ask(node, slack, team, ann, "usage");
            slack.oauth().revoke(slack.oauth().tokenOf(team));

            ObjectNode envelope = JSON.createObjectNode().put("type", "event_callback").put("team_id", team)
                    .put("api_app_id", "A0FAKE").put("event_id", "Ev" + team).put("event_time", 1773130000);
            envelope.putObject("event").put("type", "app_uninstalled");
            HttpResponse<String> response = node.client.event(envelope, Map.of());

            assertEquals(200, response.statusCode(), response.body());
            assertTrue(t.core().tenants().findBySlackTeam(team).isEmpty());
            int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM slack_bot WHERE team_key = :t)"
                    + " + (SELECT COUNT(*) FROM slack_installer WHERE team_key = :t)").bind("t", team)
                    .mapTo(Integer.class).one());
            assertEquals(0, rows);
        }
    }

    @OnBothDatabases
    void noTokenOfAnInstalledWorkspaceIsInPlainTextInTheDatabase(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode node = new SlackOAuthNode(t, slack)) {
            String team = SlackFixture.newTeam();
            install(node, slack, linkFor(t, t.tenant(1, 1)), team);
            String token = slack.oauth().tokenOf(team);

            for (String table : List.of("slack_bot", "slack_installer", "slack_oauth_state", "slack_install_link",
                    "secrets_key_check", "audit_entry")) {
                boolean found = db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().list())
                        .stream().flatMap(row -> row.values().stream()).anyMatch(v -> String.valueOf(v).contains(token));
                assertFalse(found, table + " holds the token in plain text");
            }
        }
    }

    @OnBothDatabases
    void theHomeTabIsPublishedWithTheTokenOfTheWorkspaceItWasOpenedIn(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode node = new SlackOAuthNode(t, slack)) {
            Tenant tenant = t.tenant(2, 2);
            String team = SlackFixture.newTeam();
            install(node, slack, linkFor(t, tenant), team);
            String ann = person(t, slack, tenant, team);

            HttpResponse<String> ack = node.client.event(SlackPayloads.appHomeOpened(team, ann, "home"), Map.of());

            assertEquals(200, ack.statusCode(), ack.body());
            FakeSlack.Call published = slack.await("/api/views.publish", 1).get(0);
            assertEquals(ann, published.form().get("user_id"));
            assertEquals(slack.oauth().tokenOf(team), published.token());
        }
    }

    @OnBothDatabases
    void revokingTheBotTokenPurgesTheWorkspaceAsUninstallingDoes(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode node = new SlackOAuthNode(t, slack)) {
            String team = SlackFixture.newTeam();
            install(node, slack, linkFor(t, t.tenant(1, 1)), team);
            String token = slack.oauth().tokenOf(team);
            slack.oauth().revoke(token);

            ObjectNode envelope = JSON.createObjectNode().put("type", "event_callback").put("team_id", team)
                    .put("api_app_id", "A0FAKE").put("event_id", "Ev2" + team).put("event_time", 1773130000);
            envelope.putObject("event").put("type", "tokens_revoked").putObject("tokens").putArray("bot").add("UBOT");
            HttpResponse<String> response = node.client.event(envelope, Map.of());

            assertEquals(200, response.statusCode(), response.body());
            assertTrue(t.core().tenants().findBySlackTeam(team).isEmpty());
            assertEquals(0, (int) db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM slack_bot WHERE team_key = :t").bind("t", team).mapTo(Integer.class).one()));
        }
    }
}
