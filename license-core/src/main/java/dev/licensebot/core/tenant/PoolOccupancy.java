package dev.licensebot.core.tenant;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;

/**
 * How many licenses of a pool are held right now: the one definition of "in use".
 *
 * <p>Sessions: the pool's {@code held} (every session with no recorded end, kept by each open and
 * close) minus those whose timeout has lapsed but is not recorded yet. That equals the count of
 * sessions open at {@code now} ({@code ended_at IS NULL AND expires_at > now}) while the invariant
 * {@code held = COUNT(ended_at IS NULL)} holds, and reads only the lapsed few through
 * ix_agent_session_open instead of every open session.
 */
public interface PoolOccupancy {

    @SqlQuery("SELECT p.held - (SELECT COUNT(*) FROM agent_session s WHERE s.tenant_id = p.tenant_id "
            + "AND s.ended_at IS NULL AND s.expires_at <= :now) "
            + "FROM license_pool p WHERE p.tenant_id = :tenantId AND p.pool = 'SESSION'")
    int sessionsInUse(@Bind("tenantId") String tenantId, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM platform_user WHERE tenant_id = :tenantId AND status = 'ACTIVE'")
    int usersInUse(@Bind("tenantId") String tenantId);

    default int inUse(String tenantId, Pool pool, Instant now) {
        return pool == Pool.SESSION ? sessionsInUse(tenantId, now) : usersInUse(tenantId);
    }
}
