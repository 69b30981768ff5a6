package dev.licensebot.teams.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.alerts.AlertPoster;
import dev.licensebot.core.alerts.DeliveryOutcome;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.core.usage.chart.UsageCharts;
import dev.licensebot.teams.card.DigestCard;
import dev.licensebot.core.alerts.IncidentNotice;
import dev.licensebot.core.chat.ChatConversation;
import dev.licensebot.core.chat.ChatConversations;
import dev.licensebot.teams.card.AlertCards;
import dev.licensebot.teams.transport.ProactiveMessages;

import java.time.Duration;
import java.util.Optional;

/**
 * Alerts into Teams conversations the bot was added to: each goes to the service URL Teams gave
 * for the conversation when it added the bot, the message's activity id is kept as its reference,
 * and later changes update that activity. What Teams answers becomes an outcome, never an
 * exception.
 */
public final class TeamsAlertPoster implements AlertPoster {

    /** When Teams says to slow down without saying for how long. */
    static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);
    static final String REMOVED = "licensebot was removed from this chat or team, or it was deleted";
    static final String NOT_ADDED = "add licensebot to this team or chat first: Apps → licensebot → Add to a team "
            + "(or Add to a chat), then type \"alerts on\" again";

    private final ProactiveMessages messages;
    private final ChatConversations conversations;
    private final UsageCharts charts;

    /** {@code charts}: the digest's graphs, drawn as for the `digest` answer. */
    public TeamsAlertPoster(ProactiveMessages messages, ChatConversations conversations, UsageCharts charts) {
        this.messages = messages;
        this.conversations = conversations;
        this.charts = charts;
    }

    @Override
    public DeliveryOutcome post(AlertPlace place, IncidentNotice notice) {
        return send(place, AlertCards.incident(notice));
    }

    @Override
    public DeliveryOutcome update(AlertPlace place, String messageRef, IncidentNotice notice) {
        Optional<ChatConversation> conversation = remembered(place);
        if (conversation.isEmpty()) {
            return new DeliveryOutcome.Gone(REMOVED);
        }
        ProactiveMessages.Answer answer = messages.update(conversation.get().serviceUrl(), place.channel(),
                messageRef, AlertCards.incident(notice));
        return outcome(answer, messageRef);
    }

    @Override
    public DeliveryOutcome postDigest(AlertPlace place, Digest digest) {
        // Nobody asked: no buttons, which would act as whoever presses them.
        return send(place, DigestCard.of(digest, charts, null));
    }

    @Override
    public Optional<String> cannotPost(AlertPlace place) {
        return remembered(place).isPresent() ? Optional.empty() : Optional.of(NOT_ADDED);
    }

    private DeliveryOutcome send(AlertPlace place, ObjectNode card) {
        Optional<ChatConversation> conversation = remembered(place);
        if (conversation.isEmpty()) {
            return new DeliveryOutcome.Gone(REMOVED);
        }
        ProactiveMessages.Answer answer = messages.send(conversation.get().serviceUrl(), place.channel(), card);
        return outcome(answer, answer.activityId());
    }

    /** The conversation as remembered when the bot was added, in the place's own organization. */
    private Optional<ChatConversation> remembered(AlertPlace place) {
        return conversations.find(Surface.TEAMS, place.channel())
                .filter(c -> c.chatTenantId().equalsIgnoreCase(place.workspace()));
    }

    /** {@code ref}: what finds the message again once delivered. */
    static DeliveryOutcome outcome(ProactiveMessages.Answer answer, String ref) {
        if (answer.ok()) {
            return new DeliveryOutcome.Delivered(ref);
        }
        return switch (answer.status()) {
            case 429 -> new DeliveryOutcome.RetryAfter(answer.retryAfter() != null ? answer.retryAfter()
                    : DEFAULT_RETRY, "Teams asked licensebot to slow down");
            case 403, 404 -> new DeliveryOutcome.Gone(REMOVED);
            case 0 -> new DeliveryOutcome.Failed("Teams could not be reached");
            default -> new DeliveryOutcome.Failed("Teams answered with an error (HTTP " + answer.status() + ")");
        };
    }
}
