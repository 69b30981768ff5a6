package dev.licensebot.core.chat;

import dev.licensebot.core.access.Surface;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.Tenant;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/**
 * Remembers the conversations the bot is added to and forgets those it is removed from, so that
 * it can write first there. The platforms retry their events, and send an add both as a
 * conversationUpdate and as an installationUpdate: remembering and forgetting twice is the same as
 * once.
 */
public final class ChatConversations {

    private final Jdbi jdbi;
    private final Repositories repositories;

    public ChatConversations(Jdbi jdbi, Repositories repositories) {
        this.jdbi = jdbi;
        this.repositories = repositories;
    }

    /** The bot was added to {@code conversation}: kept as first added, at its latest service URL. */
    public void remember(ChatConversation conversation) {
        jdbi.useTransaction(h -> {
            ChatConversationRepository repo = repositories.of(ChatConversationRepository.class);
            if (repo.insertIfAbsent(conversation) == 0) {
                repo.updateServiceUrl(conversation.surface(), conversation.conversationId(),
                        conversation.serviceUrl());
            }
        });
    }

    /** The bot was removed from the conversation, or with {@code teamId} (null: none) from the whole team. */
    public void forget(Surface surface, String conversationId, String teamId) {
        jdbi.useTransaction(h -> {
            ChatConversationRepository repo = repositories.of(ChatConversationRepository.class);
            repo.delete(surface, conversationId);
            if (teamId != null) {
                repo.deleteTeam(surface, teamId);
            }
        });
    }

    /** The conversation, if the bot was added to it and not removed since: where it can write first. */
    public Optional<ChatConversation> find(Surface surface, String conversationId) {
        return repositories.with(ChatConversationRepository.class, repo -> repo.find(surface, conversationId));
    }

    /** Where the bot may write to {@code tenant}'s people: the conversations of its linked organizations. */
    public List<ChatConversation> of(Tenant tenant) {
        return repositories.with(ChatConversationRepository.class, repo -> repo.teamsOfTenant(tenant.id()));
    }
}
