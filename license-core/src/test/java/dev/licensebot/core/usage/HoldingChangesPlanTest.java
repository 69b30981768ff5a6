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
 * A usage call must read the releases up to the last take, not a bulk of logouts after it (issue 7,
 * B4: full runs read ~9,600 rows a call where ~1,100 were enough). The range is bounded on both
 * sides only when MariaDB reads it as a range: by the bound subquery answered before planning, and
 * by no cheaper-looking lookup of the tenant_id prefix alone taking its place. Counted in rows the
 * storage engine handed over, as ActiveListPlanTest does, so the check does not depend on how fast
 * the machine is.
 */
class HoldingChangesPlanTest {

    private static final int TAKES = 300;
    private static final int BULK = 5_000;

    @OnMariaDb
    void aBulkOfLogoutsAfterTheLastTakeIsNotRead(TestDatabase db) {
        Tenant tenant = takesAndABulkOfLogoutsAfter(db);
        db.jdbi().useHandle(h -> assertReadsOnlyTheTakesAndTheirReleases(h, tenant, "the statistics of ANALYZE"));
    }

    /**
     * The full runs' case (issue 7, B4): InnoDB's sampled statistics said a tenant holds a few
     * hundred sessions (400 to 1,000 tenants where there were 10). MariaDB then priced a lookup of
     * the tenant_id prefix of one index below the bounded range it had planned on another, and
     * read the releases from the stretch's start to the tenant's last row: the bulk every call.
     * Statistics like those are written here as MariaDB's own (engine-independent) ones, which its
     * optimizer prefers to InnoDB's: a few dozen sessions a tenant by every index but one, each
     * index in turn, so that the range and the lookup fall on different indexes.
     */
    @OnMariaDb
    void statisticsThatCallATenantSmallDoNotLeaveTheReleasesOpenEnded(TestDatabase db) {
        Tenant tenant = takesAndABulkOfLogoutsAfter(db);
        db.jdbi().useHandle(h -> {
            List<String> indexes = h.createQuery("SELECT index_name FROM information_schema.statistics "
                    + "WHERE table_schema = DATABASE() AND table_name = 'agent_session' AND seq_in_index = 1")
                    .mapTo(String.class).list();
            try {
                for (String large : indexes) {
                    sessionsPerTenantSaidToBe(h, 50, large);
                    assertReadsOnlyTheTakesAndTheirReleases(h, tenant, "statistics of 50 sessions a tenant but by "
                            + large);
                }
            } finally {
                forgetWrittenStatistics(h);
            }
        });
    }

    /** Takes every 10 s from 08:00:10 to 08:50:00, each released 5 minutes later, and a bulk of logouts at 11:00. */
    private static Tenant takesAndABulkOfLogoutsAfter(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T12:00:00Z");
        Tenant tenant = t.tenant("UTC", TAKES + BULK, 0, Duration.ofMinutes(40));
        db.jdbi().useHandle(h -> {
            insert(h, tenant, "take-", TAKES, "TIMESTAMP '2026-03-10 08:00:00' + INTERVAL (seq * 10) SECOND",
                    "TIMESTAMP '2026-03-10 08:05:00' + INTERVAL (seq * 10) SECOND");
            // Taken before the call's stretch and all logged out at one instant, long after the last take.
            insert(h, tenant, "bulk-", BULK, "TIMESTAMP '2026-03-10 06:00:00' + INTERVAL seq SECOND",
                    "TIMESTAMP '2026-03-10 11:00:00'");
            h.execute("ANALYZE TABLE agent_session");
        });
        return tenant;
    }

    private static void assertReadsOnlyTheTakesAndTheirReleases(Handle h, Tenant tenant, String statistics) {
        long before = RowsRead.soFar(h);
        List<HoldingChanges.Change> read = h.attach(HoldingChanges.class).changes(tenant.id(), Pool.SESSION,
                Instant.parse("2026-03-10T08:00:00Z"), Instant.parse("2026-03-11T00:00:00Z"),
                Instant.parse("2026-03-10T08:30:00Z"));
        long rows = RowsRead.soFar(h) - before;

        assertEquals(TAKES + 270, read.size(), "every take, and the releases up to the last take at 08:50");
        assertTrue(rows < 2_000, "read " + rows + " rows for " + TAKES + " takes and their releases under "
                + statistics + ": the " + BULK + " logouts after the last take were read too");
    }

    /**
     * Makes MariaDB believe each tenant has {@code perTenant} sessions by every index of
     * agent_session but {@code except}, by which it believes a tenant fills the table.
     */
    private static void sessionsPerTenantSaidToBe(Handle h, int perTenant, String except) {
        String schema = h.createQuery("SELECT DATABASE()").mapTo(String.class).one();
        long rows = h.createQuery("SELECT COUNT(*) FROM agent_session").mapTo(Long.class).one();
        h.createUpdate("REPLACE INTO mysql.table_stats (db_name, table_name, cardinality) "
                + "VALUES (:schema, 'agent_session', :rows)").bind("schema", schema).bind("rows", rows).execute();
        h.createUpdate("REPLACE INTO mysql.index_stats (db_name, table_name, index_name, prefix_arity, avg_frequency) "
                        + "SELECT :schema, 'agent_session', index_name, 1, IF(index_name = :except, :rows, :perTenant) "
                        + "FROM information_schema.statistics WHERE table_schema = :schema "
                        + "AND table_name = 'agent_session' AND seq_in_index = 1")
                .bind("schema", schema).bind("except", except).bind("rows", rows).bind("perTenant", perTenant)
                .execute();
        // The statistics are read when the table is opened.
        h.execute("FLUSH TABLES agent_session");
    }

    /** The test database is shared by the whole run: later tests plan with the real statistics again. */
    private static void forgetWrittenStatistics(Handle h) {
        h.execute("DELETE FROM mysql.index_stats WHERE db_name = DATABASE() AND table_name = 'agent_session'");
        h.execute("DELETE FROM mysql.table_stats WHERE db_name = DATABASE() AND table_name = 'agent_session'");
        h.execute("FLUSH TABLES agent_session");
    }

    private static void insert(Handle h, Tenant tenant, String prefix, int count, String startedAt, String endedAt) {
        h.createUpdate("INSERT INTO agent_session (tenant_id, id, started_at, started_by, last_activity_at, "
                        + "expires_at, ended_at, end_reason) SELECT :tenant, CONCAT(:prefix, seq), " + startedAt
                        + ", 'AGENT', " + endedAt + ", " + endedAt + ", " + endedAt + ", 'LOGOUT' FROM seq_1_to_" + count)
                .bind("tenant", tenant.id()).bind("prefix", prefix).execute();
    }
}
