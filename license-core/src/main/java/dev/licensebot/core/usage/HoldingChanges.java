package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A pool's licenses held at an instant, and the instants they were taken or released, counted per
 * instant. Unlike {@link UsageRepository#intervals} these never list the licenses carried over a
 * span's start one by one: each query is a range on one index that holds every column it reads,
 * and the server sends one row per distinct instant. A session ends at COALESCE(ended_at,
 * expires_at), as everywhere in the usage figures.
 */
@RegisterRowMapper(HoldingChanges.ChangeMapper.class)
public interface HoldingChanges {

    /*
     * Each read names its index. Every index of these tables begins with tenant_id, and MariaDB
     * 10.11 prices a lookup of the tenant_id prefix alone below the bounded range on the same
     * columns whenever its statistics say a tenant has fewer rows than the range holds. InnoDB's
     * sampling said so in a full benchmark run (400 to 1,000 tenants where there were 10): the releases
     * were read through one index by tenant from its first row while the range had been planned
     * on another, 257,101 rows instead of 386 (issue 7, B4; HoldingChangesPlanTest). With one
     * index allowed, the lookup and the range share it, and MariaDB takes the range that uses
     * more of its columns. H2 accepts the hints as well.
     */
    /** Sessions by when they were taken: (tenant_id, started_at). */
    String BY_START = "agent_session USE INDEX (ix_agent_session_started)";
    /** Sessions by when they end: (tenant_id, ended_at, expires_at), open ones first. */
    String BY_END = "agent_session USE INDEX (ix_agent_session_open)";
    /**
     * Sessions by when they end, then when they began: (tenant_id, ended_at, started_at). A
     * session held across an instant is found by its end and kept by its start, both in the index.
     */
    String BY_END_THEN_START = "agent_session USE INDEX (ix_agent_session_open_started)";
    /** User licenses by when they were taken: (tenant_id, allocated_at). */
    String USERS_BY_START = "user_license_period USE INDEX (ix_user_license_period_span)";
    /** User licenses by when they were released: (tenant_id, released_at, allocated_at). */
    String USERS_BY_END = "user_license_period USE INDEX (ix_user_license_period_released)";

    /**
     * The open sessions are read by their start: those begun before {@code at} are the few held
     * across it, where by their expiry it would be nearly all of them (each then looked up for its
     * start).
     */
    @SqlQuery("SELECT (SELECT COUNT(*) FROM " + BY_END_THEN_START + " "
            + "WHERE tenant_id = :tenantId AND ended_at > :at AND started_at <= :at) "
            + "+ (SELECT COUNT(*) FROM " + BY_END_THEN_START + " "
            + "WHERE tenant_id = :tenantId AND ended_at IS NULL AND expires_at > :at AND started_at <= :at)")
    int sessionsHeldAt(@Bind("tenantId") String tenantId, @Bind("at") Instant at);

    /**
     * Takes in (after, before), then releases in (after, upTo], where upTo is the later of
     * {@code :checkpoint} and the last of those takes: a release after the last take can only
     * lower the level from there on, so it cannot change a peak, and the releases up to the
     * checkpoint give the level there. A bulk of logouts just before now (a shift's end) is then
     * not read on every call, nor are the expiries still ahead of the open sessions. The bound is a
     * scalar subquery on the takes' index, which MariaDB answers from the index's last entry before
     * it plans the ranges, so each release branch stays a range bounded on both sides.
     */
    String SESSION_LAST_TAKE = "(SELECT GREATEST(:checkpoint, COALESCE(MAX(started_at), :after)) FROM " + BY_START + " "
            + "WHERE tenant_id = :tenantId AND started_at > :after AND started_at < :before)";

    @SqlQuery("SELECT started_at, COUNT(*) FROM " + BY_START + " "
            + "WHERE tenant_id = :tenantId AND started_at > :after AND started_at < :before GROUP BY started_at "
            + "UNION ALL "
            + "SELECT ended_at, -COUNT(*) FROM " + BY_END + " "
            + "WHERE tenant_id = :tenantId AND ended_at > :after AND ended_at <= " + SESSION_LAST_TAKE
            + " GROUP BY ended_at "
            + "UNION ALL "
            + "SELECT expires_at, -COUNT(*) FROM " + BY_END + " "
            + "WHERE tenant_id = :tenantId AND ended_at IS NULL AND expires_at > :after "
            + "AND expires_at <= " + SESSION_LAST_TAKE + " GROUP BY expires_at")
    List<Change> sessionChanges(@Bind("tenantId") String tenantId, @Bind("after") Instant after,
                                @Bind("before") Instant before, @Bind("checkpoint") Instant checkpoint);

    @SqlQuery("SELECT (SELECT COUNT(*) FROM " + USERS_BY_END + " "
            + "WHERE tenant_id = :tenantId AND released_at > :at AND allocated_at <= :at) "
            + "+ (SELECT COUNT(*) FROM " + USERS_BY_END + " "
            + "WHERE tenant_id = :tenantId AND released_at IS NULL AND allocated_at <= :at)")
    int usersHeldAt(@Bind("tenantId") String tenantId, @Bind("at") Instant at);

    /** As {@link #SESSION_LAST_TAKE}, for user licenses. */
    String USER_LAST_TAKE = "(SELECT GREATEST(:checkpoint, COALESCE(MAX(allocated_at), :after)) "
            + "FROM " + USERS_BY_START + " "
            + "WHERE tenant_id = :tenantId AND allocated_at > :after AND allocated_at < :before)";

    @SqlQuery("SELECT allocated_at, COUNT(*) FROM " + USERS_BY_START + " "
            + "WHERE tenant_id = :tenantId AND allocated_at > :after AND allocated_at < :before GROUP BY allocated_at "
            + "UNION ALL "
            + "SELECT released_at, -COUNT(*) FROM " + USERS_BY_END + " "
            + "WHERE tenant_id = :tenantId AND released_at > :after AND released_at <= " + USER_LAST_TAKE
            + " GROUP BY released_at")
    List<Change> userChanges(@Bind("tenantId") String tenantId, @Bind("after") Instant after,
                             @Bind("before") Instant before, @Bind("checkpoint") Instant checkpoint);

    /** Licenses held at {@code at}: taken at or before it, released after it (or not yet). */
    default int heldAt(String tenantId, Pool pool, Instant at) {
        return pool == Pool.SESSION ? sessionsHeldAt(tenantId, at) : usersHeldAt(tenantId, at);
    }

    /**
     * In one statement, the instants in (after, before) at which licenses were taken, and those at
     * which licenses are released from {@code after} up to the later of {@code checkpoint} and the
     * last take, with how many: a round trip less per pool than asking twice (issue 7, B4).
     */
    default List<Change> changes(String tenantId, Pool pool, Instant after, Instant before, Instant checkpoint) {
        return pool == Pool.SESSION ? sessionChanges(tenantId, after, before, checkpoint)
                : userChanges(tenantId, after, before, checkpoint);
    }

    /** {@code delta} licenses taken (positive) or released (negative) at one instant. */
    record Change(Instant at, int delta) {
    }

    /** By position: UNION ALL takes its column names from the first branch only. */
    final class ChangeMapper implements RowMapper<Change> {
        @Override
        public Change map(ResultSet rs, StatementContext ctx) throws SQLException {
            ColumnMapper<Instant> instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
            return new Change(instant.map(rs, 1, ctx), rs.getInt(2));
        }
    }
}
