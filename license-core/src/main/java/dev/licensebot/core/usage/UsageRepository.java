package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read queries over the tables that feed the usage figures. Interval queries select only the two
 * instants, and each branch of their UNION ALL is a range on one index, so a window of a few days
 * reads the rows of those days plus the few licenses carried into them, never the whole history.
 */
@RegisterRowMapper(UsageRepository.IntervalMapper.class)
public interface UsageRepository {

    /**
     * Denials of [from, to) per pool, both pools in one statement (a round trip less on every usage
     * call; issue 7, B4); the pools are listed so each is a range on ix_denial_when. Pools without
     * denials are absent.
     */
    @SqlQuery("SELECT pool, COUNT(*) AS denied FROM denial WHERE tenant_id = :tenantId AND pool IN (<pools>) "
            + "AND denied_at >= :from AND denied_at < :to GROUP BY pool")
    @KeyColumn("pool")
    @ValueColumn("denied")
    Map<Pool, Integer> denials(@Bind("tenantId") String tenantId, @BindList("pools") Collection<Pool> pools,
                               @Bind("from") Instant from, @Bind("to") Instant to);

    /** Each denial of [from, to), to be counted per day of the tenant's zone (days are cut in Java, not SQL). */
    @SqlQuery("SELECT denied_at FROM denial WHERE tenant_id = :tenantId AND pool = :pool "
            + "AND denied_at >= :from AND denied_at < :to")
    List<Instant> denialTimes(@Bind("tenantId") String tenantId, @Bind("pool") Pool pool, @Bind("from") Instant from,
                              @Bind("to") Instant to);

    /** Imported sessions may predate the tenant; its history begins with the earliest of them. */
    @SqlQuery("SELECT MIN(started_at) FROM agent_session WHERE tenant_id = :tenantId")
    Optional<Instant> earliestSessionStart(@Bind("tenantId") String tenantId);

    /**
     * Sessions holding a license at some instant of [from, to): those that started inside it, and
     * those started earlier and still held at {@code from}, either closed later or open (until their
     * expiry, which is when a lapsed timeout counts as closed).
     */
    @SqlQuery("SELECT started_at AS held_from, COALESCE(ended_at, expires_at) AS held_until FROM agent_session "
            + "WHERE tenant_id = :tenantId AND started_at >= :from AND started_at < :to "
            + "UNION ALL "
            + "SELECT started_at, ended_at FROM agent_session "
            + "WHERE tenant_id = :tenantId AND ended_at > :from AND started_at < :from "
            + "UNION ALL "
            + "SELECT started_at, expires_at FROM agent_session "
            + "WHERE tenant_id = :tenantId AND ended_at IS NULL AND expires_at > :from AND started_at < :from")
    List<Interval> sessionIntervals(@Bind("tenantId") String tenantId, @Bind("from") Instant from,
                                    @Bind("to") Instant to);

    /** User license periods holding a license at some instant of [from, to); same three branches. */
    @SqlQuery("SELECT allocated_at AS held_from, released_at AS held_until FROM user_license_period "
            + "WHERE tenant_id = :tenantId AND allocated_at >= :from AND allocated_at < :to "
            + "UNION ALL "
            + "SELECT allocated_at, released_at FROM user_license_period "
            + "WHERE tenant_id = :tenantId AND released_at > :from AND allocated_at < :from "
            + "UNION ALL "
            + "SELECT allocated_at, released_at FROM user_license_period "
            + "WHERE tenant_id = :tenantId AND released_at IS NULL AND allocated_at < :from")
    List<Interval> userIntervals(@Bind("tenantId") String tenantId, @Bind("from") Instant from,
                                 @Bind("to") Instant to);

    default List<Interval> intervals(String tenantId, Pool pool, Instant from, Instant to) {
        return switch (pool) {
            case SESSION -> sessionIntervals(tenantId, from, to);
            case USER -> userIntervals(tenantId, from, to);
        };
    }

    /** By position: UNION ALL takes its column names from the first branch only. */
    final class IntervalMapper implements RowMapper<Interval> {
        @Override
        public Interval map(ResultSet rs, StatementContext ctx) throws SQLException {
            ColumnMapper<Instant> instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
            return new Interval(instant.map(rs, 1, ctx), instant.map(rs, 2, ctx));
        }
    }
}
