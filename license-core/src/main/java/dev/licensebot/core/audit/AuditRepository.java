package dev.licensebot.core.audit;

import dev.licensebot.core.access.Surface;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;

/**
 * The tenant's audit entries. The reads are ranges on {@code ix_audit_entry_when (tenant_id,
 * occurred_at)}; ties are broken by the key in the same direction, which the index ends with, so a
 * page is read backwards off the index without sorting the tenant's whole log. "No since" binds
 * the epoch, so there is one statement per read.
 */
public interface AuditRepository {

    @SqlUpdate("INSERT INTO audit_entry (tenant_id, occurred_at, actor, surface, action, detail, outcome) "
            + "VALUES (:tenantId, :at, :actor, :surface, :action, :detail, :outcome)")
    void insert(@Bind("tenantId") String tenantId, @Bind("at") Instant at, @Bind("actor") String actor,
                @Bind("surface") Surface surface, @Bind("action") String action, @Bind("detail") String detail,
                @Bind("outcome") String outcome);

    @SqlQuery("SELECT occurred_at, actor, surface, action, detail, outcome FROM audit_entry "
            + "WHERE tenant_id = :tenantId ORDER BY occurred_at DESC, id DESC LIMIT :limit")
    @RegisterConstructorMapper(AuditEntry.class)
    List<AuditEntry> recent(@Bind("tenantId") String tenantId, @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = :tenantId AND occurred_at >= :since")
    long count(@Bind("tenantId") String tenantId, @Bind("since") Instant since);

    @SqlQuery("SELECT occurred_at, actor, surface, action, detail, outcome FROM audit_entry "
            + "WHERE tenant_id = :tenantId AND occurred_at >= :since "
            + "ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
    @RegisterConstructorMapper(AuditEntry.class)
    List<AuditEntry> page(@Bind("tenantId") String tenantId, @Bind("since") Instant since,
                          @Bind("limit") int limit, @Bind("offset") long offset);
}
