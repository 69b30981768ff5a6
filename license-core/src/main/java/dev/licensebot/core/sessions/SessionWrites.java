package dev.licensebot.core.sessions;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;

import static dev.licensebot.core.sessions.SessionRepository.COLUMNS;
import static dev.licensebot.core.sessions.SessionRepository.OPEN;

/**
 * Opening, touching and closing sessions: the SQL of every write, in one place. The heartbeat also
 * runs TOUCH_UNCHANGED as one batch for many heartbeats ({@link UnchangedTouches}).
 */
public interface SessionWrites {

    /** An open session must be counted in its pool's {@code held} in the same transaction. */
    @SqlUpdate("INSERT INTO agent_session (" + COLUMNS + ", interactions_hash) VALUES (:tenantId, :id, :startedAt, "
            + ":startedBy, :username, :email, :role, :agentName, :channel, :conversations, :openInteractionCount, "
            + ":lastActivityAt, :expiresAt, :endedAt, :endReason, :terminatedBy, :interactionsHash)")
    void insert(@BindMethods AgentSession session, @Bind("interactionsHash") String interactionsHash);

    /**
     * Closes the session if it is open now (through SessionClosing, which then gives the license
     * back); 1 if this call closed it. It ends no earlier than it started, even if the closing
     * node's clock is behind the one that stamped the start: an interval that ended before it began
     * would count in the usage figures' sweeps as a license never given back.
     */
    @SqlUpdate("UPDATE agent_session SET ended_at = GREATEST(:now, started_at), end_reason = :reason, "
            + "terminated_by = :by "
            + "WHERE tenant_id = :tenantId AND id = :id AND " + OPEN)
    int close(@Bind("tenantId") String tenantId, @Bind("id") String id, @Bind("now") Instant now,
              @Bind("reason") EndReason reason, @Bind("by") String terminatedBy);

    /**
     * An allocation that got its license after a later stamp than its own (SessionLicenses): the
     * session starts, and its timeout runs, from the stamp it was given under the pool's lock. The
     * row is the caller's own uncommitted insert, so this waits for no lock.
     */
    @SqlUpdate("UPDATE agent_session SET started_at = :startedAt, last_activity_at = :startedAt, "
            + "expires_at = :expiresAt WHERE tenant_id = :tenantId AND id = :id")
    void restamp(@Bind("tenantId") String tenantId, @Bind("id") String id, @Bind("startedAt") Instant startedAt,
                 @Bind("expiresAt") Instant expiresAt);

    @SqlBatch("INSERT INTO session_interaction (tenant_id, session_id, name, instances) "
            + "VALUES (:tenantId, :sessionId, :name, :instances)")
    void insertInteractions(@Bind("tenantId") String tenantId, @Bind("sessionId") String sessionId,
                            @BindMethods List<OpenInteraction> interactions);

    @SqlUpdate("DELETE FROM session_interaction WHERE tenant_id = :tenantId AND session_id = :sessionId")
    void deleteInteractions(@Bind("tenantId") String tenantId, @Bind("sessionId") String sessionId);

    // A heartbeat's statements (Heartbeat).
    String TOUCH = "UPDATE agent_session SET last_activity_at = :now, expires_at = :expiresAt, "
            + "open_interactions = :openInteractions, conversations = COALESCE(:conversations, conversations)";

    /**
     * A heartbeat whose open interactions are those stored ({@code hash}); 0 if they differ or it is
     * closed. {@code startedAt} is the start this node remembers (SessionFacts), or null when it
     * remembers none.
     */
    String TOUCH_UNCHANGED = TOUCH + " WHERE tenant_id = :tenantId AND id = :id AND " + OPEN
            + " AND interactions_hash = :hash AND started_at = COALESCE(:startedAt, started_at)";

    /** A heartbeat with new open interactions: the caller rewrites them in the same transaction. */
    @SqlUpdate(TOUCH + ", interactions_hash = :hash WHERE tenant_id = :tenantId AND id = :id AND " + OPEN)
    int touchChanged(@Bind("tenantId") String tenantId, @Bind("id") String id, @Bind("now") Instant now,
                     @Bind("expiresAt") Instant expiresAt, @Bind("openInteractions") int openInteractions,
                     @Bind("conversations") Integer conversations, @Bind("hash") String hash);

    /** How many lapsed sessions one statement closes, so a sweep after a long outage stays bounded. */
    int TIMEOUTS_PER_STATEMENT = 500;

    /**
     * Records the tenant's lapsed timeouts at their expiry instant; only through SessionClosing, which
     * gives their licenses back. Idempotent, so any number of nodes may run it.
     * <p>
     * The lapsed ids are read first without locks and then closed by primary key, in key order, with
     * the lapse checked again. Every write to a session row then locks the row itself first, as
     * logouts and heartbeats do. A single UPDATE over the tenant's open-sessions index locked index
     * entries before rows, the opposite order, and MariaDB reported deadlocks with racing logouts
     * (issue 7: AllocationRaceTest failed CI once).
     */
    default int recordTimeouts(String tenantId, Instant now) {
        List<String> lapsed = lapsedIds(tenantId, now);
        int closed = 0;
        for (int from = 0; from < lapsed.size(); from += TIMEOUTS_PER_STATEMENT) {
            List<String> ids = lapsed.subList(from, Math.min(lapsed.size(), from + TIMEOUTS_PER_STATEMENT));
            closed += recordTimeouts(tenantId, ids, now);
        }
        return closed;
    }

    @SqlQuery("SELECT id FROM agent_session WHERE tenant_id = :tenantId AND ended_at IS NULL AND expires_at <= :now "
            + "ORDER BY id")
    List<String> lapsedIds(@Bind("tenantId") String tenantId, @Bind("now") Instant now);

    /** Each ends at its expiry, and (as {@link #close}) no earlier than it started. */
    @SqlUpdate("UPDATE agent_session SET ended_at = GREATEST(expires_at, started_at), end_reason = 'TIMEOUT' "
            + "WHERE tenant_id = :tenantId AND id IN (<ids>) AND ended_at IS NULL AND expires_at <= :now")
    int recordTimeouts(@Bind("tenantId") String tenantId, @BindList("ids") List<String> ids, @Bind("now") Instant now);
}
