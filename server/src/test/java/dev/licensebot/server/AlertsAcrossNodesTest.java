package dev.licensebot.server;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.alerts.AlertPoster;
import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.alerts.DeliveryOutcome;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.alerts.IncidentNotice;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two server nodes on one database watch the same tenant, each with its own alert rounds: one
 * message per incident, every update on it, and a node that dies holding a delivery loses it to
 * the other when its claim runs out.
 */
class AlertsAcrossNodesTest {

    private static final Duration ROUNDS = Duration.ofMillis(40);
    /** This test's places; the database is shared with other tests, whose places are left alone. */
    private static final String CHANNEL = "C-nodes-";

    /** The one chat platform both nodes post to. */
    static final class Platform {
        record Call(String node, String kind, String channel, String ref, String headline) {
        }

        final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        private int posted;

        synchronized String post(String node, AlertPlace place, IncidentNotice notice) {
            String ref = "ts-" + (++posted);
            calls.add(new Call(node, "post", place.channel(), ref, notice.headline()));
            return ref;
        }

        void update(String node, AlertPlace place, String ref, IncidentNotice notice) {
            calls.add(new Call(node, "update", place.channel(), ref, notice.headline()));
        }

        List<Call> in(String channel) {
            synchronized (calls) {
                return calls.stream().filter(c -> c.channel().equals(channel)).toList();
            }
        }
    }

    /** One node's way to the platform; a dying node hangs in its first post and never returns in time. */
    static final class NodePoster implements AlertPoster {
        private final String node;
        private final Platform platform;
        private final CountDownLatch dying;
        final CountDownLatch claimed = new CountDownLatch(1);

        NodePoster(String node, Platform platform, CountDownLatch dying) {
            this.node = node;
            this.platform = platform;
            this.dying = dying;
        }

        @Override
        public DeliveryOutcome post(AlertPlace place, IncidentNotice notice) {
            if (!place.channel().startsWith(CHANNEL)) {
                // Other tests' places in the shared database: answered, not this test's business.
                return new DeliveryOutcome.Delivered("elsewhere");
            }
            if (dying != null) {
                claimed.countDown();
                // Deaf to the node's own stop, as a dead node would be.
                while (dying.getCount() > 0) {
                    try {
                        dying.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException ignored) {
                        // keeps hanging until the test lets go
                    }
                }
                return new DeliveryOutcome.Failed("the node was gone");
            }
            return new DeliveryOutcome.Delivered(platform.post(node, place, notice));
        }

        @Override
        public DeliveryOutcome update(AlertPlace place, String messageRef, IncidentNotice notice) {
            if (!place.channel().startsWith(CHANNEL)) {
                return new DeliveryOutcome.Delivered(messageRef);
            }
            platform.update(node, place, messageRef, notice);
            return new DeliveryOutcome.Delivered(messageRef);
        }

        @Override
        public DeliveryOutcome postDigest(AlertPlace place, Digest digest) {
            return new DeliveryOutcome.Delivered(null);
        }

        @Override
        public Optional<String> cannotPost(AlertPlace place) {
            return Optional.empty();
        }
    }

    @OnBothDatabases
    void twoNodesPostOneMessagePerIncidentAndUpdateThatOne(TestDatabase db) {
        TestClock clock = TestClock.at(TestCore.DEFAULT_START);
        Platform platform = new Platform();
        try (LicenseServer a = node(db, clock); LicenseServer b = node(db, clock)) {
            a.core().alerting().deliveries().register(Surface.SLACK, new NodePoster("a", platform, null));
            b.core().alerting().deliveries().register(Surface.SLACK, new NodePoster("b", platform, null));
            Tenant tenant = tenant(a, 10);
            AlertPlace ops = subscribe(a, tenant, Surface.SLACK);

            open(a, tenant, 8);
            await(() -> platform.in(ops.channel()).size() == 1);
            open(b, tenant, 1);
            await(() -> platform.in(ops.channel()).stream().anyMatch(c -> c.headline().contains("at 90 %")));
            open(a, tenant, 1);
            await(() -> platform.in(ops.channel()).stream().anyMatch(c -> c.headline().contains("at 100 %")));

            List<Platform.Call> calls = platform.in(ops.channel());
            assertEquals(1, calls.stream().filter(c -> c.kind().equals("post")).count(), calls::toString);
            assertTrue(calls.stream().allMatch(c -> c.ref().equals("ts-1")), calls::toString);
            assertEquals("Session licenses at 80 %: 8 of 10 in use", calls.get(0).headline());
        }
    }

    @OnBothDatabases
    void aNodeThatDiesHoldingADeliveryLosesItToTheOtherWhenItsClaimRunsOut(TestDatabase db) throws Exception {
        TestClock clock = TestClock.at(TestCore.DEFAULT_START);
        Platform platform = new Platform();
        CountDownLatch dead = new CountDownLatch(1);
        // a runs no rounds of its own: its one delivery below hangs mid-post, as if a died there. Slack
        // is not configured on either node, so nothing posts there until the test says who does.
        try (LicenseServer a = LicenseServer.start(new ServerSettings("127.0.0.1", 0, db.settings(), null), clock,
                new LicenseServer.Schedule(Duration.ofMinutes(5), Duration.ofMinutes(5), null));
             LicenseServer b = node(db, clock)) {
            NodePoster dying = new NodePoster("a", platform, dead);
            a.core().alerting().deliveries().register(Surface.SLACK, dying);
            Tenant tenant = tenant(a, 4);
            AlertPlace chat = subscribe(a, tenant, Surface.SLACK);
            open(a, tenant, 4);
            a.core().alerting().evaluate(tenant.id());
            Thread delivering = new Thread(() -> a.core().alerting().deliveries().deliverDue(), "a-delivering");
            delivering.setDaemon(true);
            delivering.start();
            awaitQuietly(dying.claimed);
            b.core().alerting().deliveries().register(Surface.SLACK, new NodePoster("b", platform, null));

            clock.advance(Duration.ofSeconds(20));
            b.core().alerting().round();
            assertEquals(List.of(), platform.in(chat.channel()), "a's claim still holds");
            clock.advance(Duration.ofSeconds(15));
            await(() -> platform.in(chat.channel()).size() == 1, () -> db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT d.*, i.version FROM alert_delivery d JOIN alert_incident i ON i.id = d.incident_id "
                            + "WHERE d.tenant_id = :t").bind("t", tenant.id()).mapToMap().list()).toString());

            Platform.Call taken = platform.in(chat.channel()).get(0);
            assertEquals("b", taken.node());
            assertEquals("Session licenses at 100 %: 4 of 4 in use", taken.headline());
        } finally {
            dead.countDown();
        }
    }

    private static LicenseServer node(TestDatabase db, TestClock clock) {
        return LicenseServer.start(new ServerSettings("127.0.0.1", 0, db.settings(), null), clock,
                new LicenseServer.Schedule(Duration.ofMinutes(5), Duration.ofMinutes(5), ROUNDS));
    }

    private static Tenant tenant(LicenseServer server, int sessions) {
        return server.core().tenants().create(new Tenants.NewTenant("Alerts " + UUID.randomUUID(), "Europe/Berlin",
                sessions, 10, Duration.ofHours(8))).tenant();
    }

    private static AlertPlace subscribe(LicenseServer server, Tenant tenant, Surface surface) {
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        server.core().operators().grant(Actor.cli(tenant.id()), email, Role.ACCOUNT_ADMIN);
        Actor admin = server.core().operators().resolve(tenant.id(), email, surface);
        AlertPlace place = new AlertPlace(surface, "W1", CHANNEL + tenant.id(), "#ops");
        server.core().alerts().answer(tenant, admin, place, new AlertsChange.On());
        return place;
    }

    private static void open(LicenseServer server, Tenant tenant, int sessions) {
        for (int i = 0; i < sessions; i++) {
            server.core().sessionLicenses().open(tenant, SessionReport.live(null, "agent-" + UUID.randomUUID(), "Chat"));
        }
    }

    /** Polls: the rounds run on their own threads, so there is nothing to join. */
    private static void await(BooleanSupplier condition) {
        await(condition, () -> "");
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> state) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        fail("not within 20 s: " + state.get());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                fail("not within 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
