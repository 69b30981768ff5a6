package dev.licensebot.core.tenant;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A refused allocation, one row each, counted per day in usage figures. */
public interface DenialRepository {

    @SqlUpdate("INSERT INTO denial (tenant_id, pool, denied_at) VALUES (:tenantId, :pool, :at)")
    void record(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool, @Bind("at") Instant at);

    /**
     * Each denial of [from, to) of {@code pools}, in one statement: a range on ix_denial_when per
     * pool. The weekly digest cuts them into hours of the tenant's zone in Java, as days are cut.
     */
    @SqlQuery("SELECT pool, denied_at FROM denial WHERE tenant_id = :tenantId AND pool IN (<pools>) "
            + "AND denied_at >= :from AND denied_at < :to")
    @RegisterConstructorMapper(Denied.class)
    List<Denied> between(@Bind("tenantId") String tenantId, @BindList("pools") Collection<Pool> pools,
                         @Bind("from") Instant from, @Bind("to") Instant to);

    /** One refused allocation: which pool, and when. */
    record Denied(Pool pool, Instant deniedAt) {
    }
}
