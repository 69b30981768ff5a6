package dev.licensebot.core.sessions;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;

import static dev.licensebot.core.sessions.SessionRepository.COLUMNS;
import static dev.licensebot.core.sessions.SessionRepository.OPEN;

/**
 * Opening, touching and closing sessions. Apart from the reads ({@link SessionRepository}) because
 * these run on every allocation, heartbeat and logout, and Jdbi builds a handler for every method
 * of a SqlObject each time one is attached: a small object is attached in a fraction of the time
 * (issue 7, B1 and B2).
 */
public interface SessionWrites {

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

    /** Closes the session if it is open now (through SessionClosing, which then gives the license back); 1 if this call closed it. */
    @SqlUpdate("UPDATE agent_session SET ended_at = :now, end_reason = :reason, terminated_by = :by "
            + "WHERE tenant_id = :tenantId AND id = :id AND " + OPEN)
    int close(@Bind("tenantId") String tenantId, @Bind("id") String id, @Bind("now") Instant now,
              @Bind("reason") EndReason reason, @Bind("by") String terminatedBy);

    /**
     * Records the tenant's lapsed timeouts at their expiry instant; only through SessionClosing, which
     * gives their licenses back. Idempotent, so any number of nodes may run it.
     */
    @SqlUpdate("UPDATE agent_session SET ended_at = expires_at, end_reason = 'TIMEOUT' "
            + "WHERE tenant_id = :tenantId AND ended_at IS NULL AND expires_at <= :now")
    int recordTimeouts(@Bind("tenantId") String tenantId, @Bind("now") Instant now);
}
