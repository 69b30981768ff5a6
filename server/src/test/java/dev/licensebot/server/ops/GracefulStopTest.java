package dev.licensebot.server.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.teams.card.Verb;
import dev.licensebot.teams.testing.TeamsActivities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Closing the server while a request is in flight: new connections are refused at once, the
 * request in flight still gets its answer, and only then does the server (and its pool) go down.
 * The request is held in flight by a Bot Connector that answers the bot's member lookup only
 * when the test says so.
 */
class GracefulStopTest {

    @OnBothDatabases
    void aRequestInFlightWhenClosingStillCompletesWhileNewConnectionsAreRefused(TestDatabase db) throws Exception {
        try (HeldConnector connector = new HeldConnector()) {
            LicenseServer server = LicenseServer.start(new ServerSettings("127.0.0.1", 0, db.settings(), null),
                    TestClock.at(TestCore.DEFAULT_START));
            int port = server.port();
            String entraTenant = "entra-" + UUID.randomUUID();
            Tenant tenant = server.core().tenants().create(new Tenants.NewTenant("Graceful " + UUID.randomUUID(),
                    "Europe/Berlin", 5, 5, Duration.ofMinutes(30))).tenant();
            server.core().tenants().linkTeamsTenant(tenant.id(), entraTenant);
            TeamsActivities activities = new TeamsActivities(connector.serviceUrl(), entraTenant);
            HttpRequest press = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(activities.execute(
                            TeamsActivities.User.random("someone@example.com"), Verb.USAGE.wire(),
                            JsonNodeFactory.instance.objectNode(), false).toString()))
                    .build();
            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
                    .sendAsync(press, HttpResponse.BodyHandlers.ofString());
            if (!connector.lookupArrived.await(20, TimeUnit.SECONDS)) {
                server.close();
                fail("the bot never asked the connector who is asking");
            }

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            awaitRefused(port, Duration.ofSeconds(10));
            assertFalse(closing.isDone(), "close waits for the request in flight");
            assertFalse(inFlight.isDone());

            connector.release.countDown();
            HttpResponse<String> answered = inFlight.get(20, TimeUnit.SECONDS);
            assertEquals(200, answered.statusCode(), answered.body());
            assertTrue(answered.body().contains("application/vnd.microsoft.card.adaptive"), answered.body());
            closing.get(20, TimeUnit.SECONDS);
        }
    }

    private static void awaitRefused(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        fail("new connections were still accepted " + timeout + " after close began");
    }

    /** A Bot Connector whose member lookups wait for {@link #release}; it knows nobody. */
    private static final class HeldConnector implements AutoCloseable {

        final CountDownLatch lookupArrived = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService executor = Executors.newFixedThreadPool(4);
        private final HttpServer server;

        HeldConnector() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.setExecutor(executor);
            server.start();
        }

        String serviceUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                boolean lookup = exchange.getRequestMethod().equals("GET")
                        && exchange.getRequestURI().getPath().contains("/members/");
                if (lookup) {
                    lookupArrived.countDown();
                    if (!release.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("never released");
                    }
                }
                byte[] body = (lookup ? "{\"error\":{\"code\":\"MemberNotFoundInConversation\",\"message\":\"no\"}}"
                        : "{\"id\":\"sent\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(lookup ? 404 : 200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            release.countDown();
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
