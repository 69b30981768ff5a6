package dev.licensebot.core.tenant;

import dev.licensebot.core.sessions.SessionRepository;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;

/** How many licenses of a pool are held right now: the one definition of "in use". */
public interface PoolOccupancy {

    @SqlQuery("SELECT COUNT(*) FROM agent_session WHERE tenant_id = :tenantId AND " + SessionRepository.OPEN)
    int sessionsInUse(@Bind("tenantId") String tenantId, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM platform_user WHERE tenant_id = :tenantId AND status = 'ACTIVE'")
    int usersInUse(@Bind("tenantId") String tenantId);

    default int inUse(String tenantId, Pool pool, Instant now) {
        return pool == Pool.SESSION ? sessionsInUse(tenantId, now) : usersInUse(tenantId);
    }
}
