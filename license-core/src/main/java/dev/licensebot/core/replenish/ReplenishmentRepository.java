package dev.licensebot.core.replenish;

import dev.licensebot.core.tenant.Pool;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;

public interface ReplenishmentRepository {

    @SqlUpdate("INSERT INTO replenishment (tenant_id, pool, occurred_at, delta, total_after, actor, reason) "
            + "VALUES (:tenantId, :pool, :at, :delta, :totalAfter, :actor, :reason)")
    void insert(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool, @Bind("at") Instant at,
                @Bind("delta") int delta, @Bind("totalAfter") int totalAfter, @Bind("actor") String actor,
                @Bind("reason") String reason);
}
