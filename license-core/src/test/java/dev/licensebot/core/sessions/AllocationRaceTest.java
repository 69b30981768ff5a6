package dev.licensebot.core.sessions;

import com.zaxxer.hikari.HikariDataSource;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.tenant.PoolOccupancy;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.HeldInvariant;
import dev.licensebot.core.testing.OnMariaDb;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two "nodes" (separate connection pools) race 64 agents for 10 licenses on real MariaDB. */
class AllocationRaceTest {

    private static final int AGENTS = 64;
    private static final int LICENSES = 10;

    @OnMariaDb
    void exactlyTheLicensedNumberWinsARaceAcrossTwoNodes(TestDatabase db) throws Exception {
        Tenant tenant = TestCore.on(db).tenant(LICENSES, 0);
        try (HikariDataSource nodeA = db.newPool(16); HikariDataSource nodeB = db.newPool(16)) {
            List<LicenseCore> nodes = List.of(new LicenseCore(Database.jdbiFor(nodeA), Clock.systemUTC()),
                    new LicenseCore(Database.jdbiFor(nodeB), Clock.systemUTC()));
            List<Boolean> outcomes = race(nodes, tenant);

            assertEquals(LICENSES, outcomes.stream().filter(won -> won).count());
            assertEquals(LICENSES, count(db, "SELECT COUNT(*) FROM agent_session WHERE tenant_id = :t", tenant));
            assertEquals(AGENTS - LICENSES, count(db, "SELECT COUNT(*) FROM denial WHERE tenant_id = :t", tenant));
            assertEquals(LICENSES, HeldInvariant.check(db, tenant));
        }
    }

    /**
     * A full pool whose sessions have half lapsed: allocations record those timeouts while every
     * session is logged out (the lapsed ones' logouts close nothing). Every transaction locks its
     * session rows by key and the pool row last, so deadlocks are rare, and one that happens is run
     * again (Database); either way every call ends without an error and never with more open than
     * licensed. Recording timeouts with one UPDATE over the open-sessions index deadlocked here about
     * one run in six, and the victim's error reached the caller.
     */
    @OnMariaDb
    void logoutsRacingAllocationsAtAFullPoolWithLapsedSessionsNeitherDeadlockNorOverAllocate(TestDatabase db)
            throws Exception {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(LICENSES, 0);
        List<String> held = new ArrayList<>(openSessions(t, tenant, "early", LICENSES / 2));
        t.clock().advance(Duration.ofMinutes(20));
        held.addAll(openSessions(t, tenant, "late", LICENSES / 2));
        t.clock().advance(Duration.ofMinutes(15));
        assertEquals(LICENSES, HeldInvariant.check(db, tenant), "the lapsed half is not recorded yet");
        try (HikariDataSource nodeA = db.newPool(16); HikariDataSource nodeB = db.newPool(16)) {
            List<LicenseCore> nodes = List.of(new LicenseCore(Database.jdbiFor(nodeA), t.clock()),
                    new LicenseCore(Database.jdbiFor(nodeB), t.clock()));
            List<Callable<Boolean>> logouts = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                LicenseCore node = nodes.get(i % 2);
                String id = held.get(i);
                logouts.add(() -> {
                    node.sessionLicenses().logout(tenant, id);
                    return !node.sessionLicenses().require(tenant, id).isOpen();
                });
            }
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                attempts.add(attempt(nodes.get(i % 2), tenant, "agent-" + i));
            }
            List<Callable<Boolean>> all = new ArrayList<>(logouts);
            all.addAll(attempts);
            List<Boolean> outcomes = together(all);

            long granted = outcomes.subList(logouts.size(), outcomes.size()).stream().filter(won -> won).count();
            assertTrue(outcomes.subList(0, logouts.size()).stream().allMatch(closed -> closed), "all logged out");
            assertTrue(granted >= LICENSES / 2 && granted <= LICENSES, "granted " + granted);
            HeldInvariant.check(db, tenant);
            int inUse = db.jdbi().withExtension(PoolOccupancy.class,
                    o -> o.sessionsInUse(tenant.id(), t.clock().instant()));
            assertEquals(granted, inUse, "only the granted hold licenses");
            assertEquals(AGENTS - granted, count(db, "SELECT COUNT(*) FROM denial WHERE tenant_id = :t", tenant));
        }
    }

    private static List<String> openSessions(TestCore t, Tenant tenant, String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(t.core().sessionLicenses().open(tenant, SessionReport.live(null, prefix + i, "Web widget"))
                    .session().id());
        }
        return ids;
    }

    private static Callable<Boolean> attempt(LicenseCore node, Tenant tenant, String agent) {
        return () -> {
            try {
                node.sessionLicenses().open(tenant, SessionReport.live(null, agent, "Web widget"));
                return true;
            } catch (Refusal refusal) {
                assertEquals("no_license_available", refusal.code());
                return false;
            }
        };
    }

    /** Starts every task at once; their results in order. A task's exception fails the test. */
    private static List<Boolean> together(List<Callable<Boolean>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (Callable<Boolean> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Boolean> race(List<LicenseCore> nodes, Tenant tenant) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                LicenseCore node = nodes.get(i % nodes.size());
                String agent = "agent-" + i;
                Callable<Boolean> attempt = () -> {
                    start.await();
                    try {
                        node.sessionLicenses().open(tenant, SessionReport.live(null, agent, "Web widget"));
                        return true;
                    } catch (Refusal refusal) {
                        assertEquals("no_license_available", refusal.code());
                        return false;
                    }
                };
                futures.add(pool.submit(attempt));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int count(TestDatabase db, String sql, Tenant tenant) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).bind("t", tenant.id()).mapTo(Integer.class).one());
    }
}
