package dev.licensebot.core.confirm;

import dev.licensebot.core.access.Surface;
import dev.licensebot.core.tenant.Pool;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ConfirmationRepository {

    @SqlUpdate("INSERT INTO confirmation (id, tenant_id, requested_by, action, pool, delta, reason, created_at, expires_at) "
            + "VALUES (:id, :tenantId, :requestedBy, :action, :pool, :delta, :reason, :createdAt, :expiresAt)")
    void insert(@BindMethods Confirmation confirmation);

    @SqlBatch("INSERT INTO confirmation_session (confirmation_id, session_id, position) VALUES (:id, :sessionId, :position)")
    void insertSessions(@Bind("id") String id, @Bind("sessionId") List<String> sessionIds,
                        @Bind("position") List<Integer> positions);

    /** The single-use guard: only one caller, on any node, can win this update. */
    @SqlUpdate("UPDATE confirmation SET used_at = :now, used_by = :by, used_via = :via, outcome = :outcome "
            + "WHERE id = :id AND tenant_id = :tenantId AND requested_by = :by AND used_at IS NULL AND expires_at > :now")
    int use(@Bind("tenantId") String tenantId, @Bind("id") String id, @Bind("by") String by,
            @Bind("via") Surface via, @Bind("now") Instant now, @Bind("outcome") String outcome);

    @SqlUpdate("UPDATE confirmation SET outcome = :outcome WHERE id = :id")
    void recordOutcome(@Bind("id") String id, @Bind("outcome") String outcome);

    String COLUMNS = "id, tenant_id, requested_by, action, pool, delta, reason, created_at, expires_at, used_at, used_by, "
            + "used_via, outcome";

    @SqlQuery("SELECT " + COLUMNS + " FROM confirmation WHERE id = :id AND tenant_id = :tenantId")
    @RegisterConstructorMapper(StoredConfirmation.class)
    Optional<StoredConfirmation> find(@Bind("tenantId") String tenantId, @Bind("id") String id);

    /**
     * The row as last committed, whatever the transaction read before: a locking read, so the
     * loser of a race learns what the winner did (a plain read may repeat its earlier snapshot).
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM confirmation WHERE id = :id AND tenant_id = :tenantId FOR UPDATE")
    @RegisterConstructorMapper(StoredConfirmation.class)
    Optional<StoredConfirmation> findCommitted(@Bind("tenantId") String tenantId, @Bind("id") String id);

    @SqlQuery("SELECT session_id FROM confirmation_session WHERE confirmation_id = :id ORDER BY position")
    List<String> sessionIds(@Bind("id") String id);

    /** A row as stored, with its use. */
    record StoredConfirmation(String id, String tenantId, String requestedBy, ConfirmAction action, Pool pool,
                              Integer delta, String reason, Instant createdAt, Instant expiresAt, Instant usedAt,
                              String usedBy, Surface usedVia, String outcome) {

        Confirmation confirmation(List<String> sessionIds) {
            return new Confirmation(id, tenantId, requestedBy, action, sessionIds, pool, delta, reason, createdAt,
                    expiresAt);
        }
    }
}
