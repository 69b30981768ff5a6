package dev.licensebot.server.cli;

import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.LicenseServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
