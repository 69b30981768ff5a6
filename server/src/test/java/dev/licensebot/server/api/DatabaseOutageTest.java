package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.testing.OwnMariaDb;
import dev.licensebot.server.api.ApiFixture.Account;
import dev.licensebot.server.api.ApiFixture.Reply;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import dev.licensebot.teams.testing.TeamsActivities;
import dev.licensebot.teams.testing.TeamsActivities.User;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real server on a MariaDB of the test's own, which is killed under load and started again:
 * /readyz says so within a second either way, requests are answered 503 database_unavailable with
 * Retry-After within about two seconds, never 500, a Teams user gets one sentence, and everything
 * works again without a restart of the server. The clients repeat every 503 with the same call, as
 * the README tells platforms to: afterwards no session they were told is closed holds a license.
 */
class DatabaseOutageTest {

    private static final int PORT = 3320;
    private static final int CLIENTS = 8;

    @Test
    void aDatabaseThatGoesAwayIsAnswered503QuicklyAndItsReturnIsNoticedWithoutARestart() throws Exception {
        try (OwnMariaDb db = OwnMariaDb.start(PORT); ApiFixture api = ApiFixture.start(db.settings())) {
            Account account = api.tenant(1_000, 10);
            FakeTeamsConnector connector = FakeTeamsConnector.start();
            String entraTenant = "entra-" + UUID.randomUUID();
            api.server.core().tenants().linkTeamsTenant(account.tenant().id(), entraTenant);
            User teamsUser = User.random("ann@example.com");
            connector.addMember(entraTenant, teamsUser.id(), teamsUser.email(), null);
            TeamsActivities teams = new TeamsActivities(connector.serviceUrl(), entraTenant);
            assertEquals(201, api.post(account, "/api/v1/sessions", "{\"sessionId\": \"before\", \"startedBy\": \"AGENT\"}").status());
            assertEquals(200, api.send(api.request(null, "/readyz").GET()).status());

            Load load = new Load(api, account);
            load.start();
            Thread.sleep(300);
            db.kill();
            long killed = System.nanoTime();

            Duration notReady = until(() -> api.send(api.request(null, "/readyz").GET()).status() == 503);
            assertTrue(since(killed).compareTo(Duration.ofSeconds(1)) < 0, "/readyz said 503 only after "
                    + since(killed) + " (" + notReady + " of polling)");

            long asked = System.nanoTime();
            Reply usage = api.get(account, "/api/v1/usage");
            Duration took = since(asked);
            assertEquals(503, usage.status(), usage.toString());
            assertEquals("database_unavailable", usage.text("error"));
            assertTrue(usage.text("message").contains("try again"), usage.text("message"));
            assertEquals("2", usage.headers().firstValue("Retry-After").orElse(null));
            assertTrue(took.compareTo(Duration.ofMillis(2500)) < 0, "answered after " + took);
            Reply heartbeat = api.post(account, "/api/v1/sessions/before/activity", "{}");
            assertEquals(503, heartbeat.status(), heartbeat.toString());
            Reply teamsTurn = api.send(api.request(null, "/api/messages").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(teams.message(teamsUser, "usage").toString())));
            assertTrue(teamsTurn.status() < 300, teamsTurn.toString());
            List<FakeTeamsConnector.Sent> replies = connector.sent();
            assertEquals("The license database cannot be reached right now. Please try again in a few seconds.",
                    replies.get(replies.size() - 1).activity().path("text").asText(), "one sentence to the Teams user");
            connector.close();

            Thread.sleep(500);
            db.start();
            long back = System.nanoTime();
            until(() -> api.send(api.request(null, "/readyz").GET()).status() == 200);
            assertTrue(since(back).compareTo(Duration.ofSeconds(5)) < 0, "/readyz said 200 only after " + since(back));
            Thread.sleep(500);
            load.stop();

            assertEquals(200, api.post(account, "/api/v1/sessions/before/activity", "{}").status());
            assertEquals(201, api.post(account, "/api/v1/sessions", "{\"sessionId\": \"after\", \"startedBy\": \"AGENT\"}").status());
            assertEquals(List.of(), load.unexpected(), "every answer during the outage was 2xx or 503 "
                    + "database_unavailable with Retry-After, and every repeated call was answered as the README says");
            JsonNode sessions = api.get(account, "/api/v1/usage").json().path("session");
            assertEquals(2, sessions.path("inUse").asInt(), "only \"before\" and \"after\" hold a license: "
                    + "every session the clients were told was closed is closed, none opened twice");
            assertTrue(load.unavailable.get() > 0, "the load met the outage");
            assertTrue(load.succeeded.get() > 0, "the load got through before and after");
        }
    }

    /** Clients opening, heartbeating and closing sessions all through, noting every answer that is neither. */
    private static final class Load {
        private final ApiFixture api;
        private final Account account;
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        private final AtomicInteger succeeded = new AtomicInteger();
        private final AtomicInteger unavailable = new AtomicInteger();

        Load(ApiFixture api, Account account) {
            this.api = api;
            this.account = account;
        }

        /** Each client opens, heartbeats and closes its own sessions, repeating 503s as the README says. */
        void start() {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.execute(() -> {
                    for (int round = 0; running.get(); round++) {
                        String id = "c" + client + "-" + round;
                        expect(Set.of(200, 201), () -> api.post(account, "/api/v1/sessions", "{\"sessionId\": \"" + id + "\", \"startedBy\": \"AGENT\"}"));
                        expect(Set.of(200), () -> api.post(account, "/api/v1/sessions/" + id + "/activity", "{}"));
                        expect(Set.of(204), () -> api.send(api.request(account, "/api/v1/sessions/" + id).DELETE()));
                    }
                });
            }
        }

        private void expect(Set<Integer> answers, Supplier<Reply> call) {
            long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < giveUp) {
                Reply reply = call.get();
                if (answers.contains(reply.status())) {
                    succeeded.incrementAndGet();
                    return;
                }
                if (reply.status() != 503 || !"database_unavailable".equals(reply.text("error"))
                        || reply.headers().firstValue("Retry-After").isEmpty()) {
                    unexpected.add(reply.toString());
                    return;
                }
                unavailable.incrementAndGet();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            unexpected.add("still 503 after a minute");
        }

        void stop() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        }

        List<String> unexpected() {
            return List.copyOf(unexpected);
        }
    }

    private static Duration until(Supplier<Boolean> condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.get()) {
            if (since(start).compareTo(Duration.ofSeconds(30)) > 0) {
                throw new AssertionError("Not so after 30 s");
            }
            Thread.sleep(20);
        }
        return since(start);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

}
