package dev.licensebot.core.sessions;

import com.zaxxer.hikari.HikariDataSource;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnMariaDb;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
