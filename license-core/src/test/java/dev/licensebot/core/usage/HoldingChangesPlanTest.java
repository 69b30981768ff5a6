package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnMariaDb;
import dev.licensebot.core.testing.RowsRead;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A usage call must read the releases up to the last take, not a bulk of logouts after it: the
 * bound is a scalar subquery that MariaDB has to answer before it plans the release range, or the
 * range stays open to the day's end (issue 7, B4: a full run once read ~9,600 rows a call where
 * ~1,100 were enough). Counted in rows the storage engine handed over, as ActiveListPlanTest does,
 * so the check does not depend on how fast the machine is.
 */
class HoldingChangesPlanTest {

    private static final int TAKES = 300;
    private static final int BULK = 5_000;

    @OnMariaDb
    void aBulkOfLogoutsAfterTheLastTakeIsNotRead(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T12:00:00Z");
        Tenant tenant = t.tenant("UTC", TAKES + BULK, 0, Duration.ofMinutes(40));
        db.jdbi().useHandle(h -> {
            // Taken every 10 s from 08:00:10 to 08:50:00, each released 5 minutes later.
            insert(h, tenant, "take-", TAKES, "TIMESTAMP '2026-03-10 08:00:00' + INTERVAL (seq * 10) SECOND",
                    "TIMESTAMP '2026-03-10 08:05:00' + INTERVAL (seq * 10) SECOND");
            // Taken before the call's stretch and all logged out at one instant, long after the last take.
            insert(h, tenant, "bulk-", BULK, "TIMESTAMP '2026-03-10 06:00:00' + INTERVAL seq SECOND",
                    "TIMESTAMP '2026-03-10 11:00:00'");
            h.execute("ANALYZE TABLE agent_session");
            HoldingChanges changes = h.attach(HoldingChanges.class);
            long before = RowsRead.soFar(h);
            List<HoldingChanges.Change> read = changes.changes(tenant.id(), Pool.SESSION,
                    Instant.parse("2026-03-10T08:00:00Z"), Instant.parse("2026-03-11T00:00:00Z"),
                    Instant.parse("2026-03-10T08:30:00Z"));
            long rows = RowsRead.soFar(h) - before;

            assertEquals(TAKES + 270, read.size(), "every take, and the releases up to the last take at 08:50");
            assertTrue(rows < 2_000, "read " + rows + " rows for " + TAKES + " takes and their releases: the "
                    + BULK + " logouts after the last take were read too");
        });
    }

    private static void insert(Handle h, Tenant tenant, String prefix, int count, String startedAt, String endedAt) {
        h.createUpdate("INSERT INTO agent_session (tenant_id, id, started_at, started_by, last_activity_at, "
                        + "expires_at, ended_at, end_reason) SELECT :tenant, CONCAT(:prefix, seq), " + startedAt
                        + ", 'AGENT', " + endedAt + ", " + endedAt + ", " + endedAt + ", 'LOGOUT' FROM seq_1_to_" + count)
                .bind("tenant", tenant.id()).bind("prefix", prefix).execute();
    }
}
