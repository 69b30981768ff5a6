package dev.licensebot.core.sessions;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reading sessions and their open interactions (writes: {@link SessionWrites}). "Open at :now" is always {@code ended_at IS NULL AND
 * expires_at > :now}, so a lapsed timeout counts as closed in every read and every allocation.
 */
@RegisterRowMapper(AgentSessionMapper.class)
public interface SessionRepository {

    String COLUMNS = "tenant_id, id, started_at, started_by, username, email, role, agent_name, channel, "
            + "conversations, open_interactions, last_activity_at, expires_at, ended_at, end_reason, terminated_by";
    String OPEN = "ended_at IS NULL AND expires_at > :now";

    @SqlQuery("SELECT " + COLUMNS + " FROM agent_session WHERE tenant_id = :tenantId AND id = :id")
    Optional<AgentSession> find(@Bind("tenantId") String tenantId, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM agent_session WHERE tenant_id = :tenantId AND id IN (<ids>)")
    List<AgentSession> findAll(@Bind("tenantId") String tenantId, @BindList("ids") List<String> ids);

    @SqlQuery("SELECT COUNT(*) FROM agent_session WHERE " + OPEN)
    int countOpenAcrossTenants(@Bind("now") Instant now);

    @SqlQuery("SELECT session_id, name, instances FROM session_interaction "
            + "WHERE tenant_id = :tenantId AND session_id IN (<ids>) ORDER BY session_id, name")
    @RegisterConstructorMapper(SessionInteractionRow.class)
    List<SessionInteractionRow> interactionsOf(@Bind("tenantId") String tenantId, @BindList("ids") List<String> ids);

    /**
     * Tenants with a lapsed timeout not yet recorded. No index of its own, since every heartbeat
     * would rewrite it (V7): each tenant's earliest expiry among its open sessions is the first
     * entry of its range in ix_agent_session_open, so this reads about one row per tenant
     * (SweepPlanTest). EXISTS, or a condition on expires_at, had MariaDB read every open session.
     */
    @SqlQuery("SELECT t.id FROM tenant t WHERE (SELECT s.expires_at FROM agent_session s WHERE s.tenant_id = t.id "
            + "AND s.ended_at IS NULL ORDER BY s.expires_at LIMIT 1) <= :now")
    List<String> tenantsWithLapsedTimeouts(@Bind("now") Instant now);

    record SessionInteractionRow(String sessionId, String name, int instances) {
        OpenInteraction interaction() {
            return new OpenInteraction(name, instances);
        }
    }
}
