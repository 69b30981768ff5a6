package dev.licensebot.server.slack;

import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.slack.SlackStartupException;
import dev.licensebot.slack.testing.FakeSlack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackStartupTest {

    @OnBothDatabases
    void aRejectedBotTokenStopsTheServerAtStartUpWithAClearMessage(TestDatabase db) {
        try (FakeSlack slack = FakeSlack.start()) {
            slack.rejectToken();

            SlackStartupException e = assertThrows(SlackStartupException.class, () -> LicenseServer.start(
                    SlackFixture.settings(db, slack, SlackFixture.SIGNING_SECRET, null), TestClock.at(TestCore.DEFAULT_START)));

            assertTrue(e.getMessage().startsWith("Slack did not accept SLACK_BOT_TOKEN at start-up"), e.getMessage());
            assertTrue(e.getMessage().contains("invalid_auth"), e.getMessage());
            assertTrue(!slack.calls("/api/auth.test").isEmpty(), "checked at start-up, before anyone asked");
        }
    }

    @OnBothDatabases
    void withoutASigningSecretThereIsNoSlackEndpoint(TestDatabase db) throws Exception {
        try (LicenseServer server = LicenseServer.start(new ServerSettings("127.0.0.1", 0, db.settings(), null),
                TestClock.at(TestCore.DEFAULT_START))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
                    .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(404, response.statusCode());
        }
    }

    @OnBothDatabases
    void socketModeWithARejectedAppTokenFailsAtStartUp(TestDatabase db) {
        try (FakeSlack slack = FakeSlack.start()) {
            SlackStartupException e = assertThrows(SlackStartupException.class, () -> LicenseServer.start(
                    SlackFixture.settings(db, slack, null, "xapp-rejected"), TestClock.at(TestCore.DEFAULT_START)));

            assertTrue(e.getMessage().contains("SLACK_APP_TOKEN"), e.getMessage());
            assertEquals(1, slack.calls("/api/apps.connections.open").size(), "Socket Mode asked Slack for a connection");
        }
    }
}
