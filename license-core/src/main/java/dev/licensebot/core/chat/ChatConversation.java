package dev.licensebot.core.chat;

import dev.licensebot.core.access.Surface;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation the bot was added to, where it may write first.
 *
 * @param conversationId the platform's id for it (Teams: "a:…" personal, "19:…" group chat or channel)
 * @param chatTenantId   the platform's organization it belongs to (Teams: the Entra tenant id)
 * @param serviceUrl     where the platform takes messages for it (Teams: the Bot Connector's URL)
 * @param teamId         the team, for a team's channel; null otherwise
 * @param addedBy        the platform's id of whoever added the bot; null when not said
 */
public record ChatConversation(Surface surface, String conversationId, String chatTenantId, String serviceUrl,
                               Scope scope, String teamId, String addedBy, Instant addedAt) {

    /** Where the conversation is: Teams' installation scopes. */
    public enum Scope {
        PERSONAL, GROUP_CHAT, TEAM
    }

    public ChatConversation {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(chatTenantId, "chatTenantId");
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
