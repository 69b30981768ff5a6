package dev.licensebot.server.ops;

import dev.licensebot.core.db.DbSettings;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.slack.SlackSettings;
import dev.licensebot.teams.TeamsSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupSummaryTest {

    private static final DbSettings MARIADB = new DbSettings(
            "jdbc:mariadb://licensebot:db-url-secret@db.internal:3306/licensebot?password=db-param-secret",
            "licensebot", "db-password-secret");

    @Test
    void aProductionServerSaysWhatItServesAndWhichDatabaseWithoutItsPassword() {
        ServerSettings settings = new ServerSettings("0.0.0.0", 3978, MARIADB, null)
                .withSlack(new SlackSettings("signing-secret", "xoxb-secret", null, null))
                .withTeams(TeamsSettings.authenticated("app-123", "teams-secret"));

        StartupSummary summary = StartupSummary.of(settings, 3978);

        assertEquals("licensebot is listening on http://0.0.0.0:3978 (all interfaces); database: "
                + "MariaDB jdbc:mariadb://db.internal:3306/licensebot", summary.headline());
        assertEquals(List.of(
                "REST API at /api/v1 (tenant API keys); health at /healthz and /readyz; metrics at /metrics",
                "Slack: HTTP at /slack/events",
                "Teams: /api/messages with Bot Framework authentication for app app-123 (MULTI_TENANT)"),
                summary.serving());
        assertEquals(List.of("/metrics answers without authentication: let only your Prometheus reach it, "
                + "never the public internet, or set METRICS_TOKEN to require a bearer token."), summary.warnings());
        String all = String.join("\n", summary.lines());
        for (String secret : List.of("secret", "xoxb")) {
            assertFalse(all.contains(secret), all);
        }
    }

    @Test
    void aMetricsTokenSilencesTheOpenMetricsWarningAndShowsAsProtectedButNeverItself() {
        ServerSettings settings = new ServerSettings("0.0.0.0", 3978, MARIADB, null)
                .withTeams(TeamsSettings.authenticated("app-123", "teams-secret"))
                .withMetrics(MetricsAccess.fromEnvironment(java.util.Map.of("METRICS_TOKEN", "metrics-secret")));

        StartupSummary summary = StartupSummary.of(settings, 3978);

        assertEquals(List.of(), summary.warnings());
        assertTrue(summary.serving().get(0).endsWith("metrics at /metrics (bearer token)"), summary.serving()::toString);
        assertFalse(String.join("\n", summary.lines()).contains("metrics-secret"));
        assertFalse(settings.toString().contains("metrics-secret"), settings::toString);
    }

    @Test
    void socketModeAndHttpAreBothNamedWhenBothAreOn() {
        ServerSettings settings = new ServerSettings("0.0.0.0", 3978, MARIADB, null)
                .withSlack(new SlackSettings("signing", "xoxb-1", "xapp-1", null));

        assertTrue(StartupSummary.of(settings, 3978).serving()
                .contains("Slack: HTTP at /slack/events and Socket Mode"));
    }

    @Test
    void anOpenTeamsEndpointAndDemoDataAreWarnedAbout() {
        ServerSettings demo = new ServerSettings("127.0.0.1", 0, DbSettings.fromEnvironment(java.util.Map.of()), null)
                .withDemo();

        StartupSummary summary = StartupSummary.of(demo, 4567);

        assertEquals("licensebot is listening on http://127.0.0.1:4567; database: embedded H2 database "
                + "./data/licensebot", summary.headline());
        assertTrue(summary.serving().contains("Slack: off (set SLACK_SIGNING_SECRET for HTTP or SLACK_APP_TOKEN "
                + "for Socket Mode)"), summary.serving()::toString);
        assertTrue(summary.serving().contains("Teams: /api/messages WITHOUT authentication (Bot Framework Emulator "
                + "mode)"), summary.serving()::toString);
        assertEquals(3, summary.warnings().size(), summary.warnings()::toString);
        assertTrue(summary.warnings().get(0).startsWith("MICROSOFT_APP_ID is not set"));
        assertTrue(summary.warnings().get(1).startsWith("DEMO mode"));
        assertTrue(summary.lines().stream().filter(l -> l.startsWith("  WARNING: ")).count() == 3);
    }
}
