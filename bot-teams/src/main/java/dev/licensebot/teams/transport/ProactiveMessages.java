package dev.licensebot.teams.transport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ResourceResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Messages the bot writes first (alerts, digests) and updates later: through the same adapter,
 * connector clients and credentials as its replies (password, SingleTenant, UserAssignedMSI), so
 * no token is handled here. What the Bot Connector answers comes back as a value, never thrown.
 */
public final class ProactiveMessages {

    private static final Logger LOG = LoggerFactory.getLogger(ProactiveMessages.class);
    private static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    private final TenantAwareAdapter adapter;
    private final String appId;

    ProactiveMessages(TenantAwareAdapter adapter, String appId) {
        this.adapter = adapter;
        this.appId = appId == null ? "" : appId;
    }

    /**
     * What the Bot Connector answered.
     *
     * @param status     its HTTP status; 0 when it could not be reached
     * @param activityId the new activity's id, for a send that succeeded; else null
     * @param retryAfter its Retry-After; null when it did not say
     */
    public record Answer(int status, String activityId, Duration retryAfter) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A new message with {@code card} in the conversation. */
    public Answer send(String serviceUrl, String conversationId, ObjectNode card) {
        return call(serviceUrl, connector -> connector.getConversations()
                .sendToConversation(conversationId, message(card)).join());
    }

    /** The activity {@code activityId}, sent before, now shows {@code card}. */
    public Answer update(String serviceUrl, String conversationId, String activityId, ObjectNode card) {
        Activity activity = message(card);
        activity.setId(activityId);
        return call(serviceUrl, connector -> connector.getConversations()
                .updateActivity(conversationId, activityId, activity).join());
    }

    private interface Call {
        ResourceResponse on(ConnectorClient connector);
    }

    private Answer call(String serviceUrl, Call call) {
        try {
            ConnectorClient connector = adapter.createConnectorClient(serviceUrl, bot(),
                    AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE).join();
            ResourceResponse response = call.on(connector);
            return new Answer(200, response == null ? null : response.getId(), null);
        } catch (RuntimeException e) {
            RestException refused = refusal(e);
            if (refused != null && refused.response() != null) {
                return new Answer(refused.response().code(), null,
                        retryAfter(refused.response().headers().get("Retry-After")));
            }
            LOG.warn("The Bot Connector at {} could not be reached: {}", serviceUrl, e.toString());
            return new Answer(0, null, null);
        }
    }

    /** The bot itself, as the SDK's own proactive calls name it: its app id picks its credentials. */
    private ClaimsIdentity bot() {
        return new ClaimsIdentity("ExternalBearer", Map.of(AuthenticationConstants.AUDIENCE_CLAIM, appId,
                AuthenticationConstants.APPID_CLAIM, appId));
    }

    private static Activity message(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(ADAPTIVE_CARD);
        attachment.setContent(card);
        return MessageFactory.attachment(attachment);
    }

    private static RestException refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RestException rest) {
                return rest;
            }
        }
        return null;
    }

    /** Seconds, as the Bot Connector sends it; an HTTP date or nonsense counts as not said. */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
