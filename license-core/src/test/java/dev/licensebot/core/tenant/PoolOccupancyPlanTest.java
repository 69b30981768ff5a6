package dev.licensebot.core.tenant;

import dev.licensebot.core.testing.OnMariaDb;
import dev.licensebot.core.testing.RowsRead;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "In use" must read only the sessions whose timeout has lapsed, not every open session: every
 * usage call and every Active Agents page asks for it. As a subquery correlated with the pool row,
 * MariaDB read all of the tenant's open sessions to find none lapsed, at least on a statement's
 * first execution on a connection (issue 7: 5,002 rows at 5,000 open). Counted in rows the storage
 * engine handed over, as the other plan tests do.
 */
class PoolOccupancyPlanTest {

    private static final int OPEN = 5_000;
    private static final int LAPSED = 3;

    @OnMariaDb
    void sessionsInUseReadOnlyTheLapsedOnes(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T12:00:00Z");
        Tenant tenant = t.tenant(OPEN + LAPSED, 2);
        Instant now = t.clock().instant();
        db.jdbi().useHandle(h -> {
            open(h, tenant, "open-", OPEN, "TIMESTAMP '2026-03-10 12:30:00'");
            open(h, tenant, "lapsed-", LAPSED, "TIMESTAMP '2026-03-10 11:30:00'");
            h.execute("ANALYZE TABLE agent_session");
            PoolOccupancy occupancy = h.attach(PoolOccupancy.class);

            long before = RowsRead.soFar(h);
            Map<Pool, Integer> standing = occupancy.standing(tenant.id(), now).stream()
                    .collect(Collectors.toMap(PoolOccupancy.Standing::pool, PoolOccupancy.Standing::inUse));
            long read = RowsRead.soFar(h) - before;
            assertEquals(Map.of(Pool.SESSION, OPEN, Pool.USER, 0), standing);
            assertTrue(read < 100, "read " + read + " rows for both pools' use, " + OPEN + " sessions open");

            before = RowsRead.soFar(h);
            assertEquals(OPEN, occupancy.sessionsInUse(tenant.id(), now));
            read = RowsRead.soFar(h) - before;
            assertTrue(read < 100, "read " + read + " rows for the sessions in use, " + OPEN + " open");
        });
    }

    /** {@code count} open sessions, expiring at {@code expiresAt}, counted in the pool's held. */
    private static void open(Handle h, Tenant tenant, String prefix, int count, String expiresAt) {
        h.createUpdate("INSERT INTO agent_session (tenant_id, id, started_at, started_by, last_activity_at, "
                        + "expires_at) SELECT :tenant, CONCAT(:prefix, seq), TIMESTAMP '2026-03-10 08:00:00', 'AGENT', "
                        + "TIMESTAMP '2026-03-10 11:00:00', " + expiresAt + " FROM seq_1_to_" + count)
                .bind("tenant", tenant.id()).bind("prefix", prefix).execute();
        h.createUpdate("UPDATE license_pool SET held = held + :count WHERE tenant_id = :tenant AND pool = 'SESSION'")
                .bind("count", count).bind("tenant", tenant.id()).execute();
    }
}
