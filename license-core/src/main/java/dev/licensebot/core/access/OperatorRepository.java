package dev.licensebot.core.access;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface OperatorRepository {

    /** Read on every chat request. */
    @SqlQuery("SELECT role FROM tenant_operator WHERE tenant_id = :tenantId AND email = :email")
    Optional<Role> findRole(@Bind("tenantId") String tenantId, @Bind("email") String email);

    @SqlUpdate("UPDATE tenant_operator SET role = :role, granted_at = :at WHERE tenant_id = :tenantId AND email = :email")
    int updateRole(@Bind("tenantId") String tenantId, @Bind("email") String email, @Bind("role") Role role,
                   @Bind("at") Instant at);

    @SqlUpdate("INSERT INTO tenant_operator (tenant_id, email, role, granted_at) VALUES (:tenantId, :email, :role, :at)")
    void insert(@Bind("tenantId") String tenantId, @Bind("email") String email, @Bind("role") Role role,
                @Bind("at") Instant at);

    /**
     * Who can grant access: the tenant's admins, for the polite refusal; never the asker, who is
     * an admin themself when refused an action above their role and cannot be told to ask themself.
     */
    @SqlQuery("SELECT email FROM tenant_operator WHERE tenant_id = :tenantId "
            + "AND role IN ('ACCOUNT_ADMIN', 'ADVANCED_ADMIN') AND email <> :asker ORDER BY email LIMIT 3")
    List<String> adminsOtherThan(@Bind("tenantId") String tenantId, @Bind("asker") String asker);
}
