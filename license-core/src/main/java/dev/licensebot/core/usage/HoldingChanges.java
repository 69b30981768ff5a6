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

    @SqlQuery("SELECT (SELECT COUNT(*) FROM agent_session "
            + "WHERE tenant_id = :tenantId AND ended_at > :at AND started_at <= :at) "
            + "+ (SELECT COUNT(*) FROM agent_session "
            + "WHERE tenant_id = :tenantId AND ended_at IS NULL AND expires_at > :at AND started_at <= :at)")
    int sessionsHeldAt(@Bind("tenantId") String tenantId, @Bind("at") Instant at);

    /** A statement's parts, shared by the queries below: takes in (after, before), releases in (after, upTo]. */
    String SESSION_TAKES = "SELECT started_at, COUNT(*) FROM agent_session "
            + "WHERE tenant_id = :tenantId AND started_at > :after AND started_at < :before GROUP BY started_at";
    String SESSION_RELEASES = "SELECT ended_at, -COUNT(*) FROM agent_session "
            + "WHERE tenant_id = :tenantId AND ended_at > :after AND ended_at <= :upTo GROUP BY ended_at "
            + "UNION ALL "
            + "SELECT expires_at, -COUNT(*) FROM agent_session "
            + "WHERE tenant_id = :tenantId AND ended_at IS NULL AND expires_at > :after AND expires_at <= :upTo "
            + "GROUP BY expires_at";
    String USER_TAKES = "SELECT allocated_at, COUNT(*) FROM user_license_period "
            + "WHERE tenant_id = :tenantId AND allocated_at > :after AND allocated_at < :before GROUP BY allocated_at";
    String USER_RELEASES = "SELECT released_at, -COUNT(*) FROM user_license_period "
            + "WHERE tenant_id = :tenantId AND released_at > :after AND released_at <= :upTo GROUP BY released_at";

    @SqlQuery(SESSION_TAKES + " UNION ALL " + SESSION_RELEASES)
    List<Change> sessionChanges(@Bind("tenantId") String tenantId, @Bind("after") Instant after,
                                @Bind("before") Instant before, @Bind("upTo") Instant upTo);

    @SqlQuery(SESSION_RELEASES)
    List<Change> sessionReleases(@Bind("tenantId") String tenantId, @Bind("after") Instant after,
                                 @Bind("upTo") Instant upTo);

    @SqlQuery("SELECT (SELECT COUNT(*) FROM user_license_period "
            + "WHERE tenant_id = :tenantId AND released_at > :at AND allocated_at <= :at) "
            + "+ (SELECT COUNT(*) FROM user_license_period "
            + "WHERE tenant_id = :tenantId AND released_at IS NULL AND allocated_at <= :at)")
    int usersHeldAt(@Bind("tenantId") String tenantId, @Bind("at") Instant at);

    @SqlQuery(USER_TAKES + " UNION ALL " + USER_RELEASES)
    List<Change> userChanges(@Bind("tenantId") String tenantId, @Bind("after") Instant after,
                             @Bind("before") Instant before, @Bind("upTo") Instant upTo);

    @SqlQuery(USER_RELEASES)
    List<Change> userReleases(@Bind("tenantId") String tenantId, @Bind("after") Instant after,
                              @Bind("upTo") Instant upTo);

    /** Licenses held at {@code at}: taken at or before it, released after it (or not yet). */
    default int heldAt(String tenantId, Pool pool, Instant at) {
        return pool == Pool.SESSION ? sessionsHeldAt(tenantId, at) : usersHeldAt(tenantId, at);
    }

    /**
     * In one statement, the instants in (after, before) at which licenses were taken and those in
     * (after, upTo] at which licenses are released, with how many: a usage call reads both for each
     * pool, so this is a round trip less per pool than asking twice (issue 7, B4).
     */
    default List<Change> changes(String tenantId, Pool pool, Instant after, Instant before, Instant upTo) {
        return pool == Pool.SESSION ? sessionChanges(tenantId, after, before, upTo)
                : userChanges(tenantId, after, before, upTo);
    }

    /** Instants in (after, upTo] at which licenses are released, with how many (negative). */
    default List<Change> releases(String tenantId, Pool pool, Instant after, Instant upTo) {
        return pool == Pool.SESSION ? sessionReleases(tenantId, after, upTo) : userReleases(tenantId, after, upTo);
    }

    /** {@code delta} licenses taken (positive) or released (negative) at one instant. */
    record Change(Instant at, int delta) {

        boolean isTake() {
            return delta > 0;
        }
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
