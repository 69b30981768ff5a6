package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.SessionReport;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts of the app distributed through OAuth: each channel is posted to with its own workspace's token. */
class SlackAlertsOAuthTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A workspace installed through its tenant's install link, and an account admin in it. */
    private record Workspace(String team, String channel, String admin) {
    }

    private static Workspace installed(TestCore t, FakeSlack slack, SlackOAuthNode node, Tenant tenant) {
        String team = SlackFixture.newTeam();
        String link = new InstallLinks(t.database().jdbi(), TestSecrets.box(), t.core().tenants(), t.core().audit(),
                t.clock()).create(tenant.id(), InstallLinks.DEFAULT_LIFETIME);
        SlackOAuthNode.Started started = node.openInstallPage("?link=" + URLEncoder.encode(link,
                StandardCharsets.UTF_8));
        assertEquals(200, started.status(), started.body());
        HttpResponse<String> done = node.callback(slack.oauth().approve(null, team, false), started.state(),
                started.cookie());
        assertEquals(200, done.statusCode(), done.body());
        Actor actor = t.operator(tenant, Role.ACCOUNT_ADMIN);
        String userId = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        slack.user(team, userId, actor.name());
        return new Workspace(team, "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), userId);
    }

    /** "/licenses alerts on" typed in the workspace's #ops; the answer's text. */
    private static String alertsOn(FakeSlack slack, SlackOAuthNode node, Workspace workspace) {
        String responseUrl = slack.newResponseUrl();
        HttpResponse<String> ack = node.client.commandIn(workspace.team(), workspace.channel(), "ops",
                workspace.admin(), "alerts on", responseUrl);
        assertEquals(200, ack.statusCode(), ack.body());
        try {
            return ack.body().isBlank() ? Texts.of(slack.awaitResponse(responseUrl, 1))
                    : Texts.of(JSON.readTree(ack.body()));
        } catch (IOException e) {
            throw new AssertionError(ack.body(), e);
        }
    }

    private static void fill(TestCore t, Tenant tenant, int sessions) {
        for (int i = 0; i < sessions; i++) {
            t.core().sessionLicenses().open(tenant, SessionReport.live(null, "agent" + i, "Chat"));
        }
    }

    @OnBothDatabases
    void eachWorkspacesChannelIsAskedAndPostedToWithThatWorkspacesOwnToken(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode node = new SlackOAuthNode(t, slack)) {
            Tenant acme = t.tenant(5, 5);
            Tenant globex = t.tenant(10, 5);
            Workspace acmeSlack = installed(t, slack, node, acme);
            Workspace globexSlack = installed(t, slack, node, globex);
            String acmeOn = alertsOn(slack, node, acmeSlack);
            String globexOn = alertsOn(slack, node, globexSlack);
            assertTrue(acmeOn.contains("Alerts are on in #ops"), acmeOn);
            assertTrue(globexOn.contains("Alerts are on in #ops"), globexOn);
            fill(t, acme, 4);
            fill(t, globex, 9);

            node.server.core().alerting().round();

            for (Workspace workspace : List.of(acmeSlack, globexSlack)) {
                String token = slack.oauth().tokenOf(workspace.team());
                List<FakeSlack.Call> posted = slack.postedIn(workspace.channel());
                assertEquals(1, posted.size());
                assertEquals(token, posted.get(0).token(), "posted with the workspace's own token");
                assertEquals(List.of(token), slack.calls("/api/conversations.info").stream()
                        .filter(c -> workspace.channel().equals(c.form().get("channel"))).map(FakeSlack.Call::token)
                        .toList(), "asked with the workspace's own token");
            }
            assertTrue(slack.postedIn(acmeSlack.channel()).get(0).form().get("text").contains("4 of 5 in use"));
            assertTrue(slack.postedIn(globexSlack.channel()).get(0).form().get("text").contains("9 of 10 in use"));
        }
    }

    @OnBothDatabases
    void aChannelOfAWorkspaceOfAnOrgWideInstallIsPostedToWithTheOrganizationsToken(TestDatabase db) {
        TestCore t = TestCore.on(db);
        try (FakeSlack slack = FakeSlack.start(); SlackOAuthNode node = new SlackOAuthNode(t, slack)) {
            Tenant acme = t.tenant(5, 5);
            String enterprise = "E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            String link = new InstallLinks(t.database().jdbi(), TestSecrets.box(), t.core().tenants(),
                    t.core().audit(), t.clock()).create(acme.id(), InstallLinks.DEFAULT_LIFETIME);
            SlackOAuthNode.Started started = node.openInstallPage("?link=" + URLEncoder.encode(link,
                    StandardCharsets.UTF_8));
            assertEquals(200, node.callback(slack.oauth().approve(enterprise, null, true), started.state(),
                    started.cookie()).statusCode());
            String team = SlackFixture.newTeam();
            String channel = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            String userId = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            slack.user(team, userId, t.operator(acme, Role.ACCOUNT_ADMIN).name(), u -> {
                u.put("enterprise_id", enterprise);
                u.putObject("enterprise_user").put("enterprise_id", enterprise).putArray("teams").add(team);
            });
            String responseUrl = slack.newResponseUrl();
            HttpResponse<String> ack = node.client.orgWideCommandIn(enterprise, team, channel, "ops", userId,
                    "alerts on", responseUrl);
            assertEquals(200, ack.statusCode(), ack.body());
            String on = ack.body().isBlank() ? Texts.of(slack.awaitResponse(responseUrl, 1)) : ack.body();
            assertTrue(on.contains("Alerts are on in #ops"), on);
            fill(t, acme, 4);

            node.server.core().alerting().round();

            List<FakeSlack.Call> posted = slack.postedIn(channel);
            assertEquals(1, posted.size());
            assertEquals(slack.oauth().tokenOf(enterprise), posted.get(0).token());
        }
    }
}
