package dev.licensebot.core.alerts;

import dev.licensebot.core.tenant.Pool;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The alert levels an advanced admin set; a pool without a row has the defaults. */
public interface AlertRuleRepository {

    record StoredLevels(Pool pool, String levels) {
    }

    @SqlQuery("SELECT pool, levels FROM alert_rule WHERE tenant_id = :tenantId")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(StoredLevels.class)
    List<StoredLevels> stored(@Bind("tenantId") String tenantId);

    @SqlUpdate("DELETE FROM alert_rule WHERE tenant_id = :tenantId AND pool = :pool")
    void forget(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool);

    @SqlUpdate("INSERT INTO alert_rule (tenant_id, pool, levels) VALUES (:tenantId, :pool, :levels)")
    void insert(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool, @Bind("levels") String levels);

    /** Both pools' levels, the defaults where none were set. */
    default Map<Pool, AlertLevels> levels(String tenantId) {
        Map<Pool, AlertLevels> levels = new EnumMap<>(Pool.class);
        for (Pool pool : Pool.values()) {
            levels.put(pool, AlertLevels.defaults(pool));
        }
        stored(tenantId).forEach(s -> levels.put(s.pool(), AlertLevels.parse(s.pool(), s.levels())));
        return levels;
    }

    default void set(String tenantId, AlertLevels levels) {
        forget(tenantId, levels.pool());
        insert(tenantId, levels.pool(), levels.stored());
    }
}
