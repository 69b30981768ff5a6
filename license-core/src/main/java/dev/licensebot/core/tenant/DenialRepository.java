package dev.licensebot.core.tenant;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;

/** A refused allocation, one row each, counted per day in usage figures. */
public interface DenialRepository {

    @SqlUpdate("INSERT INTO denial (tenant_id, pool, denied_at) VALUES (:tenantId, :pool, :at)")
    void record(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool, @Bind("at") Instant at);
}
