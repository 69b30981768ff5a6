package dev.licensebot.core.chat;

import dev.licensebot.core.access.Surface;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/** The conversations the bot was added to (V12). */
@RegisterConstructorMapper(ChatConversation.class)
public interface ChatConversationRepository {

    String COLUMNS = "c.surface, c.conversation_id, c.chat_tenant_id, c.service_url, c.scope, c.team_id, "
            + "c.added_by, c.added_at";

    /** A retried add changes nothing: the first one's row stays. */
    @SqlUpdate("INSERT IGNORE INTO chat_conversation (surface, conversation_id, chat_tenant_id, service_url, scope, "
            + "team_id, added_by, added_at) VALUES (:surface, :conversationId, :chatTenantId, :serviceUrl, :scope, "
            + ":teamId, :addedBy, :addedAt)")
    int insertIfAbsent(@BindMethods ChatConversation conversation);

    /** Teams may move a conversation to another service URL; the latest one is where it takes messages. */
    @SqlUpdate("UPDATE chat_conversation SET service_url = :serviceUrl "
            + "WHERE surface = :surface AND conversation_id = :conversationId")
    int updateServiceUrl(@Bind("surface") Surface surface, @Bind("conversationId") String conversationId,
                         @Bind("serviceUrl") String serviceUrl);

    @SqlUpdate("DELETE FROM chat_conversation WHERE surface = :surface AND conversation_id = :conversationId")
    int delete(@Bind("surface") Surface surface, @Bind("conversationId") String conversationId);

    /** Every channel of a team the bot left. */
    @SqlUpdate("DELETE FROM chat_conversation WHERE surface = :surface AND team_id = :teamId")
    int deleteTeam(@Bind("surface") Surface surface, @Bind("teamId") String teamId);

    @SqlQuery("SELECT " + COLUMNS + " FROM chat_conversation c WHERE c.surface = :surface "
            + "AND c.conversation_id = :conversationId")
    Optional<ChatConversation> find(@Bind("surface") Surface surface, @Bind("conversationId") String conversationId);

    @SqlQuery("SELECT " + COLUMNS + " FROM chat_conversation c JOIN teams_tenant_link l "
            + "ON l.entra_tenant_id = c.chat_tenant_id WHERE c.surface = 'TEAMS' AND l.tenant_id = :tenantId "
            + "ORDER BY c.added_at, c.conversation_id")
    List<ChatConversation> teamsOfTenant(@Bind("tenantId") String tenantId);
}
