package dev.licensebot.core.sessions;

import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnMariaDb;
import dev.licensebot.core.testing.RowsRead;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sweep finds the tenants with lapsed timeouts without an index on expires_at alone, which every
 * heartbeat rewrote (V7): one probe of ix_agent_session_open per tenant, however many sessions the
 * tenants have open or lapsed. Counted in rows the storage engine handed over, not in time.
 */
class SweepPlanTest {

    private static final int OPEN = 3_000;
    private static final int LAPSED = 500;

    @OnMariaDb
    void findingTheTenantsToSweepReadsAboutOneRowPerTenantNotTheirSessions(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant busy = t.tenant(OPEN + LAPSED + 10, 0);
        Tenant lapsed = t.tenant(LAPSED + 10, 0);
        Tenant quiet = t.tenant(5, 0);
        Instant now = t.clock().instant();
        db.jdbi().useHandle(h -> {
            insertOpen(h, busy, "open-", OPEN, now.plusSeconds(86_400));
            insertOpen(h, lapsed, "lapsed-", LAPSED, now.minusSeconds(3_600));
            h.execute("ANALYZE TABLE agent_session");
            int tenants = h.createQuery("SELECT COUNT(*) FROM tenant").mapTo(Integer.class).one();
            SessionRepository sessions = h.attach(SessionRepository.class);

            long before = RowsRead.soFar(h);
            List<String> found = sessions.tenantsWithLapsedTimeouts(now);
            long read = RowsRead.soFar(h) - before;

            assertEquals(List.of(lapsed.id()), found, "only the tenant with lapsed sessions, not " + busy.id()
                    + " nor " + quiet.id());
            assertTrue(read <= 3L * tenants + 10, "read " + read + " rows for " + tenants + " tenants");
        });
    }

    /** Open sessions expiring at {@code expiresAt}, straight from MariaDB's sequence engine. */
    private static void insertOpen(Handle h, Tenant tenant, String prefix, int count, Instant expiresAt) {
        h.createUpdate("INSERT INTO agent_session (tenant_id, id, started_at, started_by, username, "
                        + "open_interactions, last_activity_at, expires_at) "
                        + "SELECT :tenant, CONCAT(:prefix, seq), TIMESTAMP '2026-03-01 00:00:00' + INTERVAL seq SECOND, "
                        + "'AGENT', CONCAT('agent', seq), 1, TIMESTAMP '2026-03-01 00:00:00' + INTERVAL seq SECOND, "
                        + ":expiresAt FROM seq_1_to_" + count)
                .bind("tenant", tenant.id()).bind("prefix", prefix).bind("expiresAt", expiresAt).execute();
        h.createUpdate("UPDATE license_pool SET held = held + :count WHERE tenant_id = :tenant AND pool = 'SESSION'")
                .bind("count", count).bind("tenant", tenant.id()).execute();
    }
}
