package dev.licensebot.server.cli;

import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliServeTest {

    @OnBothDatabases
    void serveAnswersHealthzOnTheGivenPortUntilStopped(TestDatabase db) throws Exception {
        Map<String, String> env = CliHarness.env(db.settings());
        env.put("PORT", "0");
        CliHarness.Running serve = new CliHarness.Running(env, TestCore.on(db).clock(), db.settings(), "serve");

        int port = serve.awaitStarted().port();
        HttpResponse<String> health = get(port, "/healthz");
        CliHarness.Result result = serve.stop();

        assertEquals(200, health.statusCode());
        assertEquals(0, result.exitCode(), result::toString);
        String banner = result.err().lines().filter(l -> l.startsWith("licensebot is listening")).findFirst()
                .orElseThrow(() -> new AssertionError(result));
        assertTrue(banner.contains("http://0.0.0.0:" + port), banner);
        assertTrue(banner.contains(db.kind() == TestDatabase.Kind.H2 ? "embedded H2" : "MariaDB jdbc:mariadb://"),
                banner);
    }

    @OnBothDatabases
    void withoutAnyCommandItServesToo(TestDatabase db) throws Exception {
        Map<String, String> env = CliHarness.env(db.settings());
        env.put("PORT", "0");
        CliHarness.Running serve = new CliHarness.Running(env, TestCore.on(db).clock(), db.settings());

        LicenseServer server = serve.awaitStarted();
        HttpResponse<String> ready = get(server.port(), "/readyz");

        assertEquals(200, ready.statusCode());
        assertEquals(0, serve.stop().exitCode());
    }

    @OnBothDatabases
    void serveRefusesToStartTeamsWithoutAuthenticationWhileAnOrganizationIsLinked(TestDatabase db) throws Exception {
        TestCore t = TestCore.on(db);
        t.core().tenants().linkTeamsTenant(t.tenant(5, 5).id(), "entra-" + UUID.randomUUID());
        Map<String, String> env = CliHarness.env(db.settings());
        env.put("PORT", "0");

        CliHarness.Result refused = new CliHarness.Running(env, t.clock(), db.settings(), "serve")
                .awaitEnded(Duration.ofSeconds(30));

        assertEquals(Cli.FAILED, refused.exitCode(), refused::toString);
        List<String> said = refused.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, said.size(), refused::toString);
        assertTrue(said.get(0).startsWith("licensebot: serve failed: 1 Microsoft Teams organization(s) are linked "
                + "but MICROSOFT_APP_ID is not set"), said.get(0));
        assertFalse(said.get(0).contains("Exception"), said.get(0));

        env.put("MICROSOFT_APP_ID", UUID.randomUUID().toString());
        env.put("MICROSOFT_APP_PASSWORD", "a-client-secret");
        CliHarness.Running authenticated = new CliHarness.Running(env, t.clock(), db.settings(), "serve");
        assertEquals(200, get(authenticated.awaitStarted().port(), "/readyz").statusCode(),
                "with Bot Framework authentication it serves");
        assertEquals(0, authenticated.stop().exitCode());
    }

    @OnBothDatabases
    void theDemoStillServesTeamsWithoutAuthenticationWhileAnOrganizationIsLinked(TestDatabase db) {
        TestCore t = TestCore.on(db);
        t.core().tenants().linkTeamsTenant(t.tenant(5, 5).id(), "entra-" + UUID.randomUUID());

        try (LicenseServer demo = LicenseServer.start(new ServerSettings("127.0.0.1", 0, db.settings(), null)
                .withDemo(), t.clock())) {
            assertTrue(demo.port() > 0);
        }
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
