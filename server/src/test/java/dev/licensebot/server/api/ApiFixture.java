package dev.licensebot.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.db.DbSettings;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The real server on a test database, on a free port, with a hand-moved clock and an HTTP client. */
final class ApiFixture implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final TestClock clock = TestClock.at(TestCore.DEFAULT_START);
    final LicenseServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiFixture(DbSettings db) {
        this.server = LicenseServer.start(new ServerSettings("127.0.0.1", 0, db, null), clock);
    }

    static ApiFixture start(TestDatabase db) {
        return new ApiFixture(db.settings());
    }

    static ApiFixture start(DbSettings db) {
        return new ApiFixture(db);
    }

    /** A tenant and the API key that acts for it. */
    record Account(Tenant tenant, String key) {
    }

    Account tenant(int sessionLicenses, int userLicenses) {
        Tenants.CreatedTenant created = server.core().tenants().create(new Tenants.NewTenant(
                "Api " + UUID.randomUUID(), "Europe/Berlin", sessionLicenses, userLicenses, Duration.ofMinutes(30)));
        return new Account(created.tenant(), created.apiKey());
    }

    Reply post(Account account, String path, String body) {
        return send(request(account, path).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    Reply get(Account account, String path) {
        return send(request(account, path).GET());
    }

    Reply getCsv(Account account, String path) {
        return send(request(account, path).GET().header("Accept", "text/csv"));
    }

    Reply delete(Account account, String path) {
        return send(request(account, path).DELETE());
    }

    HttpRequest.Builder request(Account account, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        return account == null ? builder : builder.header("Authorization", "Bearer " + account.key());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    Reply send(HttpRequest.Builder request) {
        return send(http, request);
    }

    /** On a connection of its own, for requests the server answers by closing the connection. */
    Reply sendAlone(HttpRequest.Builder request) {
        return send(HttpClient.newHttpClient(), request);
    }

    private static Reply send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** What came back; {@link #json()} parses the body. */
    record Reply(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
