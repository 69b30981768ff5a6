package dev.licensebot.core.tenant;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The SESSION pool's {@code held} count, kept by every open and close in their own transaction
 * (issue 7, B1). Apart from {@link TenantRepository} because it is on the hottest path there is:
 * Jdbi builds a handler for every method of a SqlObject each time one is attached, so a three-method
 * object costs a fraction of a sixteen-method one, for every allocation and logout.
 */
public interface SessionPoolCounter {

    /** The SESSION pool's total and held count under its row lock; see {@link SessionPoolRow}. */
    @SqlQuery("SELECT total, held FROM license_pool WHERE tenant_id = :tenantId AND pool = 'SESSION' FOR UPDATE")
    @RegisterConstructorMapper(SessionPoolRow.class)
    SessionPoolRow lockSessionPool(@Bind("tenantId") String tenantId);

    /**
     * Takes one free session license, if there is one, in a single statement: it locks the pool's
     * row, checks and counts at once, as the raw-JDBC baseline of B1 does. 0: the pool looks full
     * (nothing changed, and in READ COMMITTED no lock is kept), see {@link #lockSessionPool}.
     */
    @SqlUpdate("UPDATE license_pool SET held = held + 1 WHERE tenant_id = :tenantId AND pool = 'SESSION' "
            + "AND held < total")
    int takeFreeSession(@Bind("tenantId") String tenantId);

    /** Only under the lock of {@link #lockSessionPool}, in the transaction that opened or closed the sessions. */
    @SqlUpdate("UPDATE license_pool SET held = held + :delta WHERE tenant_id = :tenantId AND pool = 'SESSION'")
    void addHeld(@Bind("tenantId") String tenantId, @Bind("delta") int delta);}
