package dev.licensebot.teams.turn;

import dev.licensebot.core.access.Surface;
import dev.licensebot.core.chat.ChatConversation;
import dev.licensebot.core.chat.ChatConversation.Scope;
import dev.licensebot.core.chat.ChatConversations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Locale;

/**
 * Remembers every conversation the bot is added to, and forgets it when the bot is removed, so
 * that it can write first there. Teams says both through a conversationUpdate (the bot among the
 * members added or removed) and through an installationUpdate; either is enough, both and Teams'
 * retries change nothing more.
 */
public record Installations(ChatConversations conversations, Clock clock) {

    private static final Logger LOG = LoggerFactory.getLogger(Installations.class);

    /** Whether this conversationUpdate added the bot (and then remembered where). */
    boolean conversationUpdate(Incoming activity) {
        String bot = activity.recipientId();
        if (bot != null && activity.membersRemoved().contains(bot)) {
            forget(activity);
        }
        boolean added = bot != null && activity.membersAdded().contains(bot);
        if (added) {
            remember(activity);
        }
        return added;
    }

    /** An app installed into, or removed from, a personal chat, a group chat or a team. */
    void installationUpdate(Incoming activity) {
        String action = activity.action() == null ? "" : activity.action().toLowerCase(Locale.ROOT);
        if (action.equals("add") || action.equals("add-upgrade")) {
            remember(activity);
        } else if (action.equals("remove")) {
            forget(activity);
        } else {
            LOG.debug("Ignored a Teams installationUpdate with action {}", action);
        }
    }

    /**
     * A message in a channel of a team the bot was added to: Teams announces only the team (its
     * General channel), yet the bot may write in every channel of it, so the channel is remembered
     * as the team's, and forgotten with it.
     */
    void channelMessage(Incoming activity) {
        String teamId = activity.place().teamId();
        if (teamId == null || activity.entraTenant() == null || activity.place().serviceUrl() == null
                || activity.conversationId() == null) {
            return;
        }
        String channel = AlertPlaces.conversationOf(activity.conversationId());
        if (channel.equals(teamId) || conversations.find(Surface.TEAMS, channel).isPresent()
                || conversations.find(Surface.TEAMS, teamId).isEmpty()) {
            return;
        }
        conversations.remember(new ChatConversation(Surface.TEAMS, channel, activity.entraTenant(),
                activity.place().serviceUrl(), Scope.TEAM, teamId, activity.fromId(), clock.instant()));
    }

    private void remember(Incoming activity) {
        if (activity.entraTenant() == null || activity.place().serviceUrl() == null) {
            // The Emulator names no tenant; nobody's alerts could go there.
            LOG.debug("Did not remember conversation {}: it names no Entra tenant", activity.conversationId());
            return;
        }
        conversations.remember(new ChatConversation(Surface.TEAMS, activity.conversationId(), activity.entraTenant(),
                activity.place().serviceUrl(), scope(activity.place()), activity.place().teamId(),
                activity.fromId(), clock.instant()));
    }

    private void forget(Incoming activity) {
        conversations.forget(Surface.TEAMS, activity.conversationId(), activity.place().teamId());
    }

    private static Scope scope(Incoming.Place place) {
        if (place.teamId() != null || "channel".equalsIgnoreCase(place.conversationType())) {
            return Scope.TEAM;
        }
        return "groupChat".equalsIgnoreCase(place.conversationType()) ? Scope.GROUP_CHAT : Scope.PERSONAL;
    }
}
