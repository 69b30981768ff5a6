package dev.licensebot.core.tenant;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The SESSION pool's {@code held}: the tenant's sessions with no recorded end (lapsed ones included
 * until their timeout is recorded), changed by every open and close in its own transaction, so
 * {@code held < total} alone proves a license is free (issue 7, B1).
 *
 * <p>The rule that keeps it fast and deadlock-free: these statements take the pool row's lock, and
 * they are always a transaction's last statements. The lock is then held for one UPDATE and the
 * commit, and no one waits for a session row while holding it.
 *
 * <p>Apart from {@link TenantRepository} because it is on the hottest path: allocation and logout
 * call it once-attached ({@link dev.licensebot.core.db.Repositories}), the rarer closes attach it.
 */
public interface SessionPoolCounter {

    /**
     * Takes one free license, if there is one, in a single statement that locks, checks and counts,
     * as the raw-JDBC baseline does. 0: the pool is full (nothing changed; in READ COMMITTED the row
     * is not left locked).
     */
    @SqlUpdate("UPDATE license_pool SET held = held + 1 WHERE tenant_id = :tenantId "
            + "AND pool = 'SESSION' AND held < total")
    int takeFreeSession(@Bind("tenantId") String tenantId);

    /** In the transaction that opened or closed the sessions, after their rows were written. */
    @SqlUpdate("UPDATE license_pool SET held = held + :delta WHERE tenant_id = :tenantId AND pool = 'SESSION'")
    void addHeld(@Bind("tenantId") String tenantId, @Bind("delta") int delta);
}
