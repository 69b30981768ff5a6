package dev.licensebot.core.sessions;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sessions and their open interactions. "Open at :now" is always {@code ended_at IS NULL AND
 * expires_at > :now}, so a lapsed timeout counts as closed in every read and every allocation.
 */
@RegisterRowMapper(AgentSessionMapper.class)
public interface SessionRepository {

    String COLUMNS = "tenant_id, id, started_at, started_by, username, email, role, agent_name, channel, "
            + "conversations, open_interactions, last_activity_at, expires_at, ended_at, end_reason, terminated_by";
    String OPEN = "ended_at IS NULL AND expires_at > :now";

    /** An open session must be counted in its pool's {@code held} in the same transaction. */
    @SqlUpdate("INSERT INTO agent_session (" + COLUMNS + ", interactions_hash) VALUES (:tenantId, :id, :startedAt, "
            + ":startedBy, :username, :email, :role, :agentName, :channel, :conversations, :openInteractionCount, "
            + ":lastActivityAt, :expiresAt, :endedAt, :endReason, :terminatedBy, :interactionsHash)")
    void insert(@BindMethods AgentSession session, @Bind("interactionsHash") String interactionsHash);

    @SqlBatch("INSERT INTO session_interaction (tenant_id, session_id, name, instances) "
            + "VALUES (:tenantId, :sessionId, :name, :instances)")
    void insertInteractions(@Bind("tenantId") String tenantId, @Bind("sessionId") String sessionId,
                            @BindMethods List<OpenInteraction> interactions);

    @SqlUpdate("DELETE FROM session_interaction WHERE tenant_id = :tenantId AND session_id = :sessionId")
    void deleteInteractions(@Bind("tenantId") String tenantId, @Bind("sessionId") String sessionId);

    @SqlQuery("SELECT " + COLUMNS + " FROM agent_session WHERE tenant_id = :tenantId AND id = :id")
    Optional<AgentSession> find(@Bind("tenantId") String tenantId, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM agent_session WHERE tenant_id = :tenantId AND id IN (<ids>)")
    List<AgentSession> findAll(@Bind("tenantId") String tenantId, @BindList("ids") List<String> ids);

    @SqlQuery("SELECT COUNT(*) FROM agent_session WHERE tenant_id = :tenantId AND " + OPEN)
    int countOpen(@Bind("tenantId") String tenantId, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM agent_session WHERE " + OPEN)
    int countOpenAcrossTenants(@Bind("now") Instant now);

    /**
     * A page of open sessions, read through {@code index}, the (tenant_id, ended_at, column) index
     * of the sort: the open sessions are one range of it, already in order. Left to choose, MariaDB
     * sometimes walked the tenant's whole history in (tenant_id, column) order instead, or sorted
     * every open session for each page (issue 7, B4; ActiveListPlanTest). H2 accepts the hint too.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM agent_session USE INDEX (<index>) WHERE tenant_id = :tenantId AND "
            + OPEN + " ORDER BY <column> <order>, id <order> LIMIT :limit OFFSET :offset")
    List<AgentSession> pageOpen(@Bind("tenantId") String tenantId, @Bind("now") Instant now,
                                @Define("index") String index, @Define("column") String column,
                                @Define("order") String order,
                                @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT session_id, name, instances FROM session_interaction "
            + "WHERE tenant_id = :tenantId AND session_id IN (<ids>) ORDER BY session_id, name")
    @RegisterConstructorMapper(SessionInteractionRow.class)
    List<SessionInteractionRow> interactionsOf(@Bind("tenantId") String tenantId, @BindList("ids") List<String> ids);

    String TOUCH = "UPDATE agent_session SET last_activity_at = :now, expires_at = :expiresAt, "
            + "open_interactions = :openInteractions, conversations = COALESCE(:conversations, conversations)";

    /** A heartbeat whose open interactions are those stored ({@code hash}); 0 if they differ or it is closed. */
    @SqlUpdate(TOUCH + " WHERE tenant_id = :tenantId AND id = :id AND " + OPEN + " AND interactions_hash = :hash")
    int touchUnchanged(@Bind("tenantId") String tenantId, @Bind("id") String id, @Bind("now") Instant now,
                       @Bind("expiresAt") Instant expiresAt, @Bind("openInteractions") int openInteractions,
                       @Bind("conversations") Integer conversations, @Bind("hash") String hash);

    /** A heartbeat with new open interactions: the caller rewrites them in the same transaction. */
    @SqlUpdate(TOUCH + ", interactions_hash = :hash WHERE tenant_id = :tenantId AND id = :id AND " + OPEN)
    int touch(@Bind("tenantId") String tenantId, @Bind("id") String id, @Bind("now") Instant now,
              @Bind("expiresAt") Instant expiresAt, @Bind("openInteractions") int openInteractions,
              @Bind("conversations") Integer conversations, @Bind("hash") String hash);

    /** Closes the session if it is open now (under the pool's row lock: SessionClosing); 1 if this call closed it. */
    @SqlUpdate("UPDATE agent_session SET ended_at = :now, end_reason = :reason, terminated_by = :by "
            + "WHERE tenant_id = :tenantId AND id = :id AND " + OPEN)
    int close(@Bind("tenantId") String tenantId, @Bind("id") String id, @Bind("now") Instant now,
              @Bind("reason") EndReason reason, @Bind("by") String terminatedBy);

    /**
     * Records the tenant's lapsed timeouts at their expiry instant; only under the pool's row lock
     * (SessionClosing). Idempotent, so any number of nodes may run it.
     */
    @SqlUpdate("UPDATE agent_session SET ended_at = expires_at, end_reason = 'TIMEOUT' "
            + "WHERE tenant_id = :tenantId AND ended_at IS NULL AND expires_at <= :now")
    int recordTimeouts(@Bind("tenantId") String tenantId, @Bind("now") Instant now);

    /** Tenants with a lapsed timeout not yet recorded, through ix_agent_session_expiry. */
    @SqlQuery("SELECT DISTINCT tenant_id FROM agent_session WHERE ended_at IS NULL AND expires_at <= :now")
    List<String> tenantsWithLapsedTimeouts(@Bind("now") Instant now);

    record SessionInteractionRow(String sessionId, String name, int instances) {
        OpenInteraction interaction() {
            return new OpenInteraction(name, instances);
        }
    }
}
