package dev.licensebot.core.sessions;

import dev.licensebot.core.paging.Page;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.paging.SortOrder;
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
 * A page of the Active Agents list must read its offset and its rows, not the tenant's history nor
 * every open session: with a long history MariaDB once walked every session in sort order to find
 * the open ones (issue 7, B4: a second a page at 100 k sessions), or sorted all open sessions for
 * each page. Counted in rows the storage engine handed over, so the check does not depend on how
 * fast the machine is.
 */
class ActiveListPlanTest {

    private static final int CLOSED = 30_000;
    private static final int OPEN = 2_100;

    @OnMariaDb
    void aPageOfTheActiveListReadsTheOpenSessionsNotTheHistory(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(OPEN + 10, 0);
        Instant now = t.clock().instant();
        db.jdbi().useHandle(h -> {
            insertSessions(h, tenant, CLOSED, true);
            insertSessions(h, tenant, OPEN, false);
            h.execute("ANALYZE TABLE agent_session");
            OpenPage pages = h.attach(OpenPage.class);
            for (SessionSort sort : SessionSort.values()) {
                for (SortOrder order : SortOrder.values()) {
                    for (long offset : List.of(0L, 1_990L)) {
                        long before = RowsRead.soFar(h);
                        Page<AgentSession> page = pages.page(tenant.id(), now, sort, order,
                                new PageRequest((int) (offset / 10) + 1, 10));
                        long read = RowsRead.soFar(h) - before;
                        assertEquals(10, page.rows().size(), sort + " " + order + " at " + offset);
                        assertEquals(OPEN, page.totalRows());
                        assertTrue(read <= offset + 100, sort + " " + order + " at offset " + offset + " read " + read
                                + " rows for a page of " + OPEN + " open sessions among " + CLOSED + " closed ones: more than the "
                                + "page and its offset");
                    }
                }
            }
        });
    }

    /** Straight into the table from MariaDB's sequence engine: the use cases would take minutes. */
    private static void insertSessions(Handle h, Tenant tenant, int count, boolean closed) {
        h.createUpdate("INSERT INTO agent_session (tenant_id, id, started_at, started_by, username, "
                        + "open_interactions, last_activity_at, expires_at, ended_at, end_reason) "
                        + "SELECT :tenant, CONCAT(:prefix, seq), TIMESTAMP '2026-03-01 00:00:00' + INTERVAL seq SECOND, "
                        + "'AGENT', CONCAT('agent', seq MOD 97), seq MOD 5, "
                        + "TIMESTAMP '2026-03-01 00:00:00' + INTERVAL seq SECOND, "
                        + (closed ? "TIMESTAMP '2026-03-02 00:00:00', TIMESTAMP '2026-03-02 00:00:00', 'LOGOUT' "
                        : "TIMESTAMP '2026-03-11 00:00:00', NULL, NULL ")
                        + "FROM seq_1_to_" + count)
                .bind("tenant", tenant.id()).bind("prefix", closed ? "closed-" : "open-").execute();
        if (!closed) {
            // Open sessions hold licenses: keep the pool's held count true, as the use cases do.
            h.createUpdate("UPDATE license_pool SET held = held + :count WHERE tenant_id = :tenant AND pool = 'SESSION'")
                    .bind("count", count).bind("tenant", tenant.id()).execute();
        }
    }
}
