package dev.licensebot.core.tenant;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;

/**
 * How many licenses of a pool are held right now: the one definition of "in use".
 *
 * <p>Sessions: the pool's {@code held} (every session with no recorded end, kept by each open and
 * close) minus those whose timeout has lapsed but is not recorded yet. That equals the count of
 * sessions open at {@code now} ({@code ended_at IS NULL AND expires_at > now}) while the invariant
 * {@code held = COUNT(ended_at IS NULL)} holds, and reads only the lapsed few through
 * ix_agent_session_open instead of every open session. The tenant is bound, not taken from
 * {@code p}: as a correlated subquery MariaDB could look the open sessions up by (tenant_id,
 * ended_at) and filter on expires_at row by row. It did so on a statement's first execution on a
 * connection, reading all 5,000 open sessions to find none lapsed; the bound range reads only the
 * lapsed, whatever the plan cache holds (issue 7, PoolOccupancyPlanTest).
 */
public interface PoolOccupancy {

    /** Sessions in use, for the license_pool row {@code p} of the session pool of {@code :tenantId}. */
    String SESSIONS_IN_USE = "p.held - (SELECT COUNT(*) FROM agent_session s USE INDEX (ix_agent_session_open) "
            + "WHERE s.tenant_id = :tenantId AND s.ended_at IS NULL AND s.expires_at <= :now)";

    /** User licenses in use: the tenant's active users. */
    String USERS_IN_USE = "(SELECT COUNT(*) FROM platform_user u WHERE u.tenant_id = :tenantId AND u.status = 'ACTIVE')";

    /** A pool's size and the licenses of it in use. */
    record Standing(Pool pool, int total, int inUse) {
    }

    @SqlQuery("SELECT " + SESSIONS_IN_USE + " FROM license_pool p WHERE p.tenant_id = :tenantId AND p.pool = 'SESSION'")
    int sessionsInUse(@Bind("tenantId") String tenantId, @Bind("now") Instant now);

    @SqlQuery("SELECT " + USERS_IN_USE)
    int usersInUse(@Bind("tenantId") String tenantId);

    default int inUse(String tenantId, Pool pool, Instant now) {
        return pool == Pool.SESSION ? sessionsInUse(tenantId, now) : usersInUse(tenantId);
    }

    /**
     * Both pools' size and use in one statement: the usage figures show both on every call, and
     * each statement is a round trip (issue 7, B4).
     */
    @SqlQuery("SELECT p.pool, p.total, CASE WHEN p.pool = 'SESSION' THEN " + SESSIONS_IN_USE + " ELSE "
            + USERS_IN_USE + " END AS in_use FROM license_pool p WHERE p.tenant_id = :tenantId")
    @RegisterConstructorMapper(Standing.class)
    List<Standing> standing(@Bind("tenantId") String tenantId, @Bind("now") Instant now);
}
