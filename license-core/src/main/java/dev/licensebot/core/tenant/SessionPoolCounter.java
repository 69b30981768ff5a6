package dev.licensebot.core.tenant;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;

/**
 * The SESSION pool's {@code held}: the tenant's sessions with no recorded end (lapsed ones included
 * until their timeout is recorded), changed by every open and close in its own transaction, so
 * {@code held < total} alone proves a license is free (issue 7, B1).
 *
 * <p>The rule that keeps it fast and deadlock-free: these statements take the pool row's lock, and
 * they are always a transaction's last statements. The lock is then held for one UPDATE and the
 * commit, and no one waits for a session row while holding it. The one exception waits for nothing
 * either: an allocation whose start had to move reads {@link #stampedAt} and rewrites its own
 * uncommitted session row after taking its license (SessionLicenses).
 *
 * <p>Apart from {@link TenantRepository} because it is on the hottest path (allocation and logout),
 * where a small interface keeps the statements easy to read and to measure.
 */
public interface SessionPoolCounter {

    /*
     * stamped_at (V8) is the latest instant written on any take or release of the pool's licenses.
     * Every statement here moves it forward under the row's lock, and a take's session starts no
     * earlier than it: a release that came before a take in lock order then never ends after that
     * take starts, so the usage figures, which sweep the stamps, never count more than held was at
     * some instant (issue 21). A release's stamp may lie before stamped_at (a timeout ends at its
     * expiry); it only has to lie before the takes that follow, and it does.
     */

    /**
     * Takes one free license for a session stamped {@code at}, if there is one and nothing was
     * stamped after {@code at}: the usual case, in a single statement that locks, checks, counts and
     * stamps, as the raw-JDBC baseline does. 0: the pool is full, or a later stamp exists (nothing
     * changed either way; in READ COMMITTED the row is not left locked).
     */
    @SqlUpdate("UPDATE license_pool SET held = held + 1, stamped_at = :at WHERE tenant_id = :tenantId "
            + "AND pool = 'SESSION' AND held < total AND stamped_at <= :at")
    int takeFreeSessionAt(@Bind("tenantId") String tenantId, @Bind("at") Instant at);

    /**
     * Takes one free license, if there is one, whatever was stamped since {@code at}; the session
     * then starts at {@link #stampedAt}, read under the lock this takes. 0: the pool is full.
     */
    @SqlUpdate("UPDATE license_pool SET held = held + 1, stamped_at = GREATEST(stamped_at, :at) "
            + "WHERE tenant_id = :tenantId AND pool = 'SESSION' AND held < total")
    int takeFreeSession(@Bind("tenantId") String tenantId, @Bind("at") Instant at);

    /** The pool's latest stamp: after {@link #takeFreeSession}, in its transaction, the new session's start. */
    @SqlQuery("SELECT stamped_at FROM license_pool WHERE tenant_id = :tenantId AND pool = 'SESSION'")
    Instant stampedAt(@Bind("tenantId") String tenantId);

    /**
     * In the transaction that closed the sessions, after their rows were written: {@code delta} is
     * negative, and {@code at} is the closing clock's instant, no earlier than the ends written.
     */
    @SqlUpdate("UPDATE license_pool SET held = held + :delta, stamped_at = GREATEST(stamped_at, :at) "
            + "WHERE tenant_id = :tenantId AND pool = 'SESSION'")
    void addHeld(@Bind("tenantId") String tenantId, @Bind("delta") int delta, @Bind("at") Instant at);
}
