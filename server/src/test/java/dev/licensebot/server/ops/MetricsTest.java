package dev.licensebot.server.ops;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.sessions.TerminationPlan;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import dev.licensebot.teams.testing.TeamsActivities;
import dev.licensebot.teams.testing.TeamsActivities.User;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real traffic into the real server, then a scrape of /metrics: every counter moved by what happened. */
class MetricsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @OnBothDatabases
    void countersMoveByWhatTheTrafficDid(TestDatabase db) {
        TestClock clock = TestClock.at(TestCore.DEFAULT_START);
        try (FakeTeamsConnector connector = FakeTeamsConnector.start();
             LicenseServer server = LicenseServer.start(new ServerSettings("127.0.0.1", 0, db.settings(), null), clock)) {
            Tenants.CreatedTenant created = server.core().tenants().create(new Tenants.NewTenant(
                    "Metrics " + UUID.randomUUID(), "Europe/Berlin", 2, 5, Duration.ofMinutes(30)));
            Tenant tenant = created.tenant();
            String entraTenant = "entra-" + UUID.randomUUID();
            server.core().tenants().linkTeamsTenant(tenant.id(), entraTenant);
            TeamsActivities teams = new TeamsActivities(connector.serviceUrl(), entraTenant);
            User admin = User.random("admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
            server.core().operators().grant(Actor.cli(tenant.id()), admin.email(), Role.ACCOUNT_ADMIN);
            connector.addMember(entraTenant, admin.id(), admin.email(), null);
            User stranger = User.random("stranger@example.com");
            connector.addMember(entraTenant, stranger.id(), stranger.email(), null);
            Scrape before = scrape(server);

            List<Integer> opened = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String id = "s-metrics-" + i;
                opened.add(post(server, "/api/v1/sessions", created.apiKey(),
                        "{\"startedBy\":\"AGENT\",\"sessionId\":\"" + id + "\",\"username\":\"agent" + i + "\"}"));
                ids.add(id);
            }
            assertEquals(List.of(201, 201, 409), opened, "two licenses, so the third start is a denial");
            assertEquals(404, get(server, "/no/such/" + UUID.randomUUID()).statusCode());
            Actor cli = Actor.cli(tenant.id());
            TerminationPlan plan = server.core().terminations().request(tenant, cli, List.of(ids.get(0)));
            server.core().terminations().confirm(tenant, cli, plan.confirmation().id());
            assertThrows(Refusal.class, () -> server.core().terminations().confirm(tenant, cli,
                    plan.confirmation().id()), "a second press is refused");
            for (User who : List.of(admin, stranger)) {
                int status = post(server, "/api/messages", null, teams.message(who, "usage").toString());
                assertTrue(status == 200 || status == 202, "Teams message accepted: " + status);
            }
            assertEquals(2, connector.sent().size(), "a usage card for the admin, a refusal for the stranger");

            Scrape after = scrape(server);
            assertEquals(2, moved(before, after, "licensebot_licenses_allocated_total", "pool", "session"));
            assertEquals(1, moved(before, after, "licensebot_licenses_denied_total", "pool", "session"));
            assertEquals(1, moved(before, after, "licensebot_sessions_active"), "two opened, one terminated");
            assertEquals(1, moved(before, after, "licensebot_sessions_closed_total", "reason", "terminated"));
            assertEquals(1, moved(before, after, "licensebot_confirmations_total",
                    "action", "terminate", "outcome", "confirmed"));
            assertEquals(1, moved(before, after, "licensebot_confirmations_total",
                    "action", "terminate", "outcome", "refused", "reason", "confirmation_used"));
            assertEquals(1, moved(before, after, "licensebot_chat_interactions_total",
                    "surface", "teams", "kind", "message", "outcome", "answered"));
            assertEquals(1, moved(before, after, "licensebot_chat_interactions_total",
                    "surface", "teams", "kind", "message", "outcome", "refused"));
            assertEquals(2, moved(before, after, "http_server_requests_seconds_count",
                    "method", "POST", "route", "/api/v1/sessions", "status", "201"));
            assertEquals(1, moved(before, after, "http_server_requests_seconds_count",
                    "method", "POST", "route", "/api/v1/sessions", "status", "409"));
            assertEquals(1, moved(before, after, "http_server_requests_seconds_count",
                    "route", HttpMetrics.UNMATCHED, "status", "404"));
            assertFalse(after.matching("http_server_requests_seconds_bucket", "route", "/api/v1/sessions").isEmpty(),
                    "latencies come as a histogram");
            assertTrue(after.samples().stream().noneMatch(s -> s.labels().values().stream()
                    .anyMatch(v -> v.contains("s-metrics") || v.startsWith("/no/such"))), "no raw paths or ids as labels");
        }
    }

    @OnBothDatabases
    void metricsAreServedInPrometheusTextFormatWithoutCredentials(TestDatabase db) {
        try (LicenseServer server = LicenseServer.start(new ServerSettings("127.0.0.1", 0, db.settings(), null),
                TestClock.at(TestCore.DEFAULT_START))) {
            HttpResponse<String> response = get(server, Metrics.PATH);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            assertTrue(Scrape.parse(response.body()).value("jvm_threads_live_threads") > 0, "JVM figures too");
        }
    }

    private static double moved(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    @OnBothDatabases
    void withAMetricsTokenOnlyAScrapeBearingItIsAnswered(TestDatabase db) {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, db.settings(), null)
                .withMetrics(MetricsAccess.fromEnvironment(java.util.Map.of("METRICS_TOKEN", "scrape-me")));
        try (LicenseServer server = LicenseServer.start(settings, TestClock.at(TestCore.DEFAULT_START))) {
            HttpResponse<String> none = get(server, Metrics.PATH);
            HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri(server, Metrics.PATH))
                    .header("Authorization", "Bearer scrape-you").GET().build());
            HttpResponse<String> right = send(HttpRequest.newBuilder(uri(server, Metrics.PATH))
                    .header("Authorization", "Bearer scrape-me").GET().build());
            HttpResponse<String> health = get(server, "/healthz");

            assertEquals(401, none.statusCode(), none.body());
            assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
            assertFalse(none.body().contains("jvm_"), none.body());
            assertTrue(none.body().startsWith("{\"error\":\"unauthorized\",\"message\":\"Send the metrics token"),
                    "the error shape every refusal has: " + none.body());
            assertEquals(401, wrong.statusCode(), wrong.body());
            assertEquals(200, right.statusCode(), right.body());
            assertTrue(right.body().contains("jvm_memory_used_bytes"), right.body());
            assertEquals(200, health.statusCode(), "health stays open for load balancers");
        }
    }

    private Scrape scrape(LicenseServer server) {
        HttpResponse<String> response = get(server, Metrics.PATH);
        assertEquals(200, response.statusCode(), response.body());
        return Scrape.parse(response.body());
    }

    private HttpResponse<String> get(LicenseServer server, String path) {
        return send(HttpRequest.newBuilder(uri(server, path)).GET().build());
    }

    private int post(LicenseServer server, String path, String apiKey, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request.build()).statusCode();
    }

    private static URI uri(LicenseServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
