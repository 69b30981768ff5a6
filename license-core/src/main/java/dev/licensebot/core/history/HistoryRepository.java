package dev.licensebot.core.history;

import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.AgentSessionMapper;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.sessions.SessionRepository;
import dev.licensebot.core.users.PlatformUser;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;

/**
 * The three histories, filtered, sorted and paged in SQL. Each filter is a range on the column of
 * the tenant's index for that history ({@code ix_platform_user_changed}, {@code ix_agent_session_started},
 * {@code ix_replenishment_when}); "no since" binds the epoch, so there is one statement per read.
 * Ties are broken by the key in the same direction as the sort: the secondary index ends with the
 * primary key, so the page is read backwards off the index without sorting the tenant's history.
 */
public interface HistoryRepository {

    @SqlQuery("SELECT COUNT(*) FROM platform_user WHERE tenant_id = :tenantId AND status_changed_at >= :since")
    long countUsers(@Bind("tenantId") String tenantId, @Bind("since") Instant since);

    @SqlQuery("SELECT user_id, username, email, first_name, last_name, role, status, status_changed_at, "
            + "conversations FROM platform_user WHERE tenant_id = :tenantId AND status_changed_at >= :since "
            + "ORDER BY status_changed_at DESC, user_id DESC LIMIT :limit OFFSET :offset")
    @RegisterConstructorMapper(PlatformUser.class)
    List<PlatformUser> users(@Bind("tenantId") String tenantId, @Bind("since") Instant since,
                             @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT COUNT(*) FROM agent_session WHERE tenant_id = :tenantId AND started_at >= :since")
    long countSessions(@Bind("tenantId") String tenantId, @Bind("since") Instant since);

    @SqlQuery("SELECT " + SessionRepository.COLUMNS + " FROM agent_session "
            + "WHERE tenant_id = :tenantId AND started_at >= :since "
            + "ORDER BY started_at DESC, id DESC LIMIT :limit OFFSET :offset")
    @RegisterRowMapper(AgentSessionMapper.class)
    List<AgentSession> sessions(@Bind("tenantId") String tenantId, @Bind("since") Instant since,
                                @Bind("limit") int limit, @Bind("offset") long offset);

    /** The open interactions of a whole page of sessions at once. */
    @SqlQuery("SELECT session_id, name, instances FROM session_interaction "
            + "WHERE tenant_id = :tenantId AND session_id IN (<ids>) ORDER BY session_id, name")
    @RegisterConstructorMapper(InteractionRow.class)
    List<InteractionRow> interactionsOf(@Bind("tenantId") String tenantId, @BindList("ids") List<String> ids);

    @SqlQuery("SELECT COUNT(*) FROM replenishment WHERE tenant_id = :tenantId AND occurred_at >= :since")
    long countPurchases(@Bind("tenantId") String tenantId, @Bind("since") Instant since);

    @SqlQuery("SELECT pool, occurred_at, delta, total_after, actor, reason FROM replenishment "
            + "WHERE tenant_id = :tenantId AND occurred_at >= :since "
            + "ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
    @RegisterConstructorMapper(Replenishment.class)
    List<Replenishment> purchases(@Bind("tenantId") String tenantId, @Bind("since") Instant since,
                                  @Bind("limit") int limit, @Bind("offset") long offset);

    record InteractionRow(String sessionId, String name, int instances) {
        OpenInteraction interaction() {
            return new OpenInteraction(name, instances);
        }
    }
}
