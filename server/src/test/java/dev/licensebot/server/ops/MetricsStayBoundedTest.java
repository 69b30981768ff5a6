package dev.licensebot.server.ops;

import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabases;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nobody can grow /metrics from outside: made-up methods, random paths and every status a stranger
 * can provoke leave a handful of HTTP series, and the scrape still answers. Before labels were
 * bounded, 3,000 such requests made some 3,000 series (one histogram each) and a scrape of megabytes.
 */
class MetricsStayBoundedTest {

    private static final int REQUESTS = 3_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void thousandsOfOddRequestsLeaveAHandfulOfHttpSeriesAndTheScrapeAnswers() {
        try (LicenseServer server = LicenseServer.start(new ServerSettings("127.0.0.1", 0,
                TestDatabases.h2().settings(), null), TestClock.at(TestCore.DEFAULT_START))) {
            Random random = new Random(21);
            String[] realPaths = {"/api/v1/sessions", "/api/v1/usage", "/api/v1/sessions/s-1", "/healthz", "/x"};
            for (int i = 0; i < REQUESTS; i++) {
                String path = i % 3 == 0 ? realPaths[random.nextInt(realPaths.length)]
                        : "/" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "/" + i;
                String method = switch (i % 4) {
                    case 0 -> "M" + i;
                    case 1 -> "GET";
                    case 2 -> "POST";
                    default -> new String[]{"PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "X" + i}[random.nextInt(6)];
                };
                HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, path)).timeout(Duration.ofSeconds(10))
                        .method(method, HttpRequest.BodyPublishers.ofString(i % 5 == 0 ? "{\"a\":1}" : "not json"));
                if (i % 7 == 0) {
                    request.header("Authorization", "Bearer not-a-key-" + i);
                }
                send(request);
            }

            HttpResponse<String> scrape = send(HttpRequest.newBuilder(uri(server, Metrics.PATH)).GET());
            assertEquals(200, scrape.statusCode());
            Set<String> series = Scrape.parse(scrape.body()).matching("http_server_requests_seconds_count").stream()
                    .map(s -> s.labels().toString()).collect(Collectors.toSet());
            Set<String> methods = Scrape.parse(scrape.body()).matching("http_server_requests_seconds_count").stream()
                    .map(s -> s.labels().get("method")).collect(Collectors.toSet());
            System.out.printf("after %,d odd requests: %d HTTP series, /metrics %,d bytes%n", REQUESTS,
                    series.size(), scrape.body().length());
            assertTrue(series.size() <= 40, () -> series.size() + " series, such as " + series.stream().limit(10).toList());
            assertTrue(Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "OTHER").containsAll(methods),
                    methods::toString);
            assertTrue(scrape.body().length() < 500_000, scrape.body().length() + " bytes");
        }
    }

    private static URI uri(LicenseServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
