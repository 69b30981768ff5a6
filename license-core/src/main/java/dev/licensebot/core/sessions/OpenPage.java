package dev.licensebot.core.sessions;

import dev.licensebot.core.paging.Page;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.tenant.PoolOccupancy;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of the Active Agents list in one statement: the sessions in use (the list's total), the
 * page's open sessions, and their open interactions. Three statements before, and every chat list
 * and REST page runs it: each is a round trip, and on a busy machine a chance to wait for a core
 * (issue 7, B3). The pool's row is always there, so an empty page still answers one row, which
 * carries the count and no session.
 */
@RegisterRowMapper(OpenPage.RowOfPage.Mapper.class)
public interface OpenPage {

    /**
     * The page is read through {@code index}, the (tenant_id, ended_at, column) index of the sort:
     * the open sessions are one range of it, already in order. Left to choose, MariaDB sometimes
     * walked the tenant's whole history in (tenant_id, column) order instead, or sorted every open
     * session for each page (issue 7, B4; ActiveListPlanTest). H2 accepts the hint too. The page is a
     * derived table (its LIMIT keeps it one): only its rows are joined to their interactions.
     */
    @SqlQuery("SELECT " + PoolOccupancy.SESSIONS_IN_USE + " AS in_use, shown.*, "
            + "i.name AS interaction_name, i.instances AS interaction_instances "
            + "FROM license_pool p LEFT JOIN (SELECT " + SessionRepository.COLUMNS + " FROM agent_session "
            + "USE INDEX (<index>) WHERE tenant_id = :tenantId AND " + SessionRepository.OPEN
            + " ORDER BY <column> <order>, id <order> LIMIT :limit OFFSET :offset) shown ON 1 = 1 "
            + "LEFT JOIN session_interaction i ON i.tenant_id = shown.tenant_id AND i.session_id = shown.id "
            + "WHERE p.tenant_id = :tenantId AND p.pool = 'SESSION' "
            + "ORDER BY shown.<column> <order>, shown.id <order>, i.name")
    List<RowOfPage> rows(@Bind("tenantId") String tenantId, @Bind("now") Instant now,
                         @Define("index") String index, @Define("column") String column,
                         @Define("order") String order, @Bind("limit") int limit, @Bind("offset") long offset);

    /** The open sessions of {@code request}'s page, in order, with the tenant's sessions in use. */
    default Page<AgentSession> page(String tenantId, Instant now, SessionSort sort, SortOrder order,
                                    PageRequest request) {
        List<RowOfPage> rows = rows(tenantId, now, sort.openIndex(), sort.column(), order.sql(), request.size(),
                request.offset());
        if (rows.isEmpty()) {
            throw new IllegalStateException("Tenant " + tenantId + " has no session pool");
        }
        return new Page<>(RowOfPage.sessions(rows), request.page(), request.size(), rows.get(0).inUse());
    }

    /** One row of the statement: the count, and a session and one of its interactions when there are. */
    record RowOfPage(int inUse, AgentSession session, OpenInteraction interaction) {

        /** A session's rows are next to each other, one per open interaction (or one with none). */
        static List<AgentSession> sessions(List<RowOfPage> rows) {
            List<AgentSession> sessions = new ArrayList<>();
            List<OpenInteraction> interactions = new ArrayList<>();
            AgentSession current = null;
            for (RowOfPage row : rows) {
                if (row.session() == null) {
                    continue;
                }
                if (current != null && !current.id().equals(row.session().id())) {
                    sessions.add(current.withOpenInteractions(interactions));
                    interactions = new ArrayList<>();
                }
                current = row.session();
                if (row.interaction() != null) {
                    interactions.add(row.interaction());
                }
            }
            if (current != null) {
                sessions.add(current.withOpenInteractions(interactions));
            }
            return sessions;
        }

        public static final class Mapper implements RowMapper<RowOfPage> {

            private final AgentSessionMapper sessions = new AgentSessionMapper();

            @Override
            public RowOfPage map(ResultSet rs, StatementContext ctx) throws SQLException {
                AgentSession session = rs.getString("id") == null ? null : sessions.map(rs, ctx);
                String interaction = rs.getString("interaction_name");
                return new RowOfPage(rs.getInt("in_use"), session,
                        interaction == null ? null : new OpenInteraction(interaction, rs.getInt("interaction_instances")));
            }
        }
    }
}
