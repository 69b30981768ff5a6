package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.HeldInvariant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, part 4, as it was found: with no fault at all, 16 clients opening, heartbeating and
 * logging out on a pool of 10 over REST, on the real clock, and {@code GET /api/v1/usage}
 * answered {@code "dailyMax": 12, "total": 10}. Meanwhile the pool's {@code held} is read under
 * its row's lock: the daily max may not exceed the most it was seen to hold.
 */
class UsageUnderRacingClientsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LICENSES = 10;
    private static final int CLIENTS = 16;
    private static final Duration RUN = Duration.ofSeconds(4);

    @OnBothDatabases
    void theDailyMaxOverRestNeverExceedsWhatThePoolHeld(TestDatabase db) throws Exception {
        long seed = System.nanoTime();
        try (LicenseServer server = LicenseServer.start(new ServerSettings("127.0.0.1", 0, db.settings(), null),
                Clock.systemUTC())) {
            Tenants.CreatedTenant tenant = server.core().tenants().create(new Tenants.NewTenant(
                    "Race " + UUID.randomUUID(), "UTC", LICENSES, 0, Duration.ofMinutes(30)));
            Api api = new Api(server.port(), tenant.apiKey());
            AtomicInteger mostHeld = new AtomicInteger();
            AtomicInteger opened = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
            try {
                List<Future<?>> tasks = new ArrayList<>();
                tasks.add(threads.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    while (running.get()) {
                        db.jdbi().useTransaction(h -> {
                            mostHeld.accumulateAndGet(h.createQuery("SELECT held FROM license_pool WHERE tenant_id = :t "
                                    + "AND pool = 'SESSION' FOR UPDATE").bind("t", tenant.tenant().id())
                                    .mapTo(Integer.class).one(), Math::max);
                            LockSupport.parkNanos(random.nextLong(2_000_000));
                        });
                        LockSupport.parkNanos(random.nextLong(2_000_000));
                    }
                    return null;
                }));
                for (int i = 0; i < CLIENTS; i++) {
                    SplittableRandom random = new SplittableRandom(seed + 1 + i);
                    String agent = "agent-" + i;
                    tasks.add(threads.submit(() -> client(api, agent, random, running, opened)));
                }
                Thread.sleep(RUN.toMillis());
                running.set(false);
                for (Future<?> task : tasks) {
                    task.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            HeldInvariant.check(db, tenant.tenant());
            HttpResponse<String> usage = api.send(api.request("/api/v1/usage").GET());
            assertEquals(200, usage.statusCode(), usage.body());
            JsonNode session = JSON.readTree(usage.body()).get("session");
            String run = "seed " + seed + ", " + opened.get() + " opens granted: " + session;
            assertEquals(LICENSES, session.get("total").asInt());
            assertEquals(LICENSES, mostHeld.get(), "the clients filled the pool (" + run + ")");
            assertTrue(session.get("dailyMax").asInt() <= mostHeld.get(), "dailyMax " + session.get("dailyMax")
                    + " of " + LICENSES + ", but the pool never held more than " + mostHeld.get() + " (" + run + ")");
        }
    }

    /** Opens; when granted, heartbeats now and then and logs out; over and over. */
    private static Void client(Api api, String agent, SplittableRandom random, AtomicBoolean running,
                               AtomicInteger opened) throws Exception {
        String body = JSON.writeValueAsString(Map.of("username", agent, "channel", "Web widget",
                "startedBy", "AGENT"));
        while (running.get()) {
            HttpResponse<String> open = api.send(api.request("/api/v1/sessions")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
            if (open.statusCode() == 409) {
                LockSupport.parkNanos(random.nextLong(3_000_000));
                continue;
            }
            assertEquals(201, open.statusCode(), open.body());
            opened.incrementAndGet();
            String id = JSON.readTree(open.body()).get("sessionId").asText();
            LockSupport.parkNanos(random.nextLong(5_000_000));
            if (random.nextBoolean()) {
                HttpResponse<String> beat = api.send(api.request("/api/v1/sessions/" + id + "/activity")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"openInteractions\": [], \"conversations\": 1}"))
                        .header("Content-Type", "application/json"));
                assertEquals(200, beat.statusCode(), beat.body());
            }
            HttpResponse<String> logout = api.send(api.request("/api/v1/sessions/" + id).DELETE());
            assertEquals(204, logout.statusCode(), logout.body());
        }
        return null;
    }

    /** The tenant's REST API on the server's port. */
    private record Api(int port, String key, HttpClient http) {

        Api(int port, String key) {
            this(port, key, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key);
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
