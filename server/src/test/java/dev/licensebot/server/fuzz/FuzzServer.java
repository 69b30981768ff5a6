package dev.licensebot.server.fuzz;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.HeldInvariant;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.slack.SlackSettings;
import dev.licensebot.slack.chart.ChartLinks;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.teams.TeamsSettings;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import dev.licensebot.teams.testing.TeamsActivities;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything the server serves, at once, on a test database: the REST API for two tenants, Slack
 * over HTTP (signed with {@link #SIGNING_SECRET}, Web API and response_urls at a fake), Teams at
 * /api/messages (open, as for the Emulator, so fuzzed activities reach the bot's turns; the Bot
 * Connector is a fake on 127.0.0.1), signed chart links, /metrics and the health checks. Slack and
 * Teams people of every role are linked to the first tenant.
 */
final class FuzzServer implements AutoCloseable {

    static final String SIGNING_SECRET = "fuzz-signing-secret-0123456789";
    static final String PUBLIC_URL = "https://licensebot.example";

    final TestDatabase db;
    final TestClock clock = TestClock.at(TestCore.DEFAULT_START);
    final FakeSlack slack = FakeSlack.start();
    final FakeTeamsConnector connector = FakeTeamsConnector.start();
    final LicenseServer server;
    final ChartLinks chartLinks;
    final Tenants.CreatedTenant main;
    final Tenants.CreatedTenant other;
    final String slackTeam = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final String entraTenant = "entra-" + UUID.randomUUID();
    final List<String> slackUsers = new ArrayList<>();
    final List<TeamsActivities.User> teamsUsers = new ArrayList<>();
    final TeamsActivities activities;
    private boolean stopped;

    FuzzServer(TestDatabase db) {
        this.db = db;
        SlackSettings slackSettings = new SlackSettings(SIGNING_SECRET, FakeSlack.BOT_TOKEN, null, slack.apiUrl())
                .withPublicUrl(PUBLIC_URL);
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, db.settings(),
                "https://console.example/conversations?user={userId}&session={sessionId}")
                .withSlack(slackSettings).withTeams(TeamsSettings.open());
        this.server = LicenseServer.start(settings, clock);
        this.chartLinks = new ChartLinks(PUBLIC_URL, slackSettings.chartLinkKey(), clock);
        this.main = tenant(5);
        this.other = tenant(3);
        server.core().tenants().linkSlackTeam(main.tenant().id(), slackTeam);
        server.core().tenants().linkTeamsTenant(main.tenant().id(), entraTenant);
        this.activities = new TeamsActivities(connector.serviceUrl(), entraTenant);
        for (Role role : Role.values()) {
            String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8)
                    + "@example.com";
            server.core().operators().grant(Actor.cli(main.tenant().id()), email, role);
            String slackUser = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            slack.user(slackTeam, slackUser, email);
            slackUsers.add(slackUser);
            TeamsActivities.User teamsUser = TeamsActivities.User.random(email);
            connector.addMember(entraTenant, teamsUser.id(), email, null);
            teamsUsers.add(teamsUser);
        }
    }

    private Tenants.CreatedTenant tenant(int sessions) {
        return server.core().tenants().create(new Tenants.NewTenant("Fuzz " + UUID.randomUUID(), "Europe/Berlin",
                sessions, 4, Duration.ofMinutes(30)));
    }

    int port() {
        return server.port();
    }

    /** Every pool's held count equals its open sessions, and none holds more than its total. */
    void assertPoolsConsistent() {
        for (Tenant tenant : List.of(main.tenant(), other.tenant())) {
            int held = HeldInvariant.check(db, tenant);
            int total = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT total FROM license_pool WHERE tenant_id = :t AND pool = 'SESSION'")
                    .bind("t", tenant.id()).mapTo(Integer.class).one());
            assertTrue(held <= total, "held " + held + " is within the pool's total " + total);
        }
    }

    /** Stops the server (finishing what Slack's workers still owe); the fakes stay up until {@link #close}. */
    void stop() {
        if (!stopped) {
            stopped = true;
            server.close();
        }
    }

    @Override
    public void close() {
        stop();
        slack.close();
        connector.close();
    }
}
