package dev.licensebot.slack.alerts;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.alerts.AlertPoster;
import dev.licensebot.core.alerts.DeliveryOutcome;
import dev.licensebot.core.digest.Digest;
import dev.licensebot.slack.blocks.DigestBlocks;
import dev.licensebot.slack.chart.ChartImages;
import dev.licensebot.core.alerts.IncidentNotice;
import dev.licensebot.slack.identity.WorkspaceClients;
import dev.licensebot.slack.reply.SlackMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Alerts in Slack channels: chat.postMessage for a new incident (its ts is the message's ref),
 * chat.update of that ts for every change, each with the token of the channel's workspace. Every
 * answer of Slack becomes an outcome; nothing here throws or waits: the core retries at Slack's
 * Retry-After, on its own schedule.
 */
public final class SlackAlertPoster implements AlertPoster {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAlertPoster.class);
    private static final String UNINSTALLED = "licensebot was uninstalled from the workspace";
    static final String DIRECT_MESSAGES = "alerts go to channels, not direct messages: invite the bot to the channel "
            + "that should receive them (/invite @licensebot) and type /licenses alerts on there.";

    private final WorkspaceClients clients;
    private final ChartImages charts;

    /**
     * {@code clients}: the one bot token, or each installed workspace's own (OAuth); {@code charts}:
     * where the digest's graphs come from, as for the `digest` answer.
     */
    public SlackAlertPoster(WorkspaceClients clients, ChartImages charts) {
        this.clients = clients;
        this.charts = charts;
    }

    /** A Web API call with its client. */
    @FunctionalInterface
    private interface Call<T> {
        T call(MethodsClient client) throws IOException, SlackApiException;
    }

    @Override
    public DeliveryOutcome post(AlertPlace place, IncidentNotice notice) {
        return post(place, AlertBlocks.incident(notice));
    }

    @Override
    public DeliveryOutcome update(AlertPlace place, String messageRef, IncidentNotice notice) {
        SlackMessage message = AlertBlocks.incident(notice);
        DeliveryOutcome outcome = send(place, "chat.update", client -> client.chatUpdate(r -> r.channel(place.channel())
                .ts(messageRef).text(message.text()).blocks(message.blocks())), ChatUpdateResponse::getTs);
        if (SlackOutcomes.messageMissing(outcome)) {
            // Someone deleted the alert: a new message carries it on, and later changes update that one.
            return post(place, message);
        }
        return outcome;
    }

    @Override
    public DeliveryOutcome postDigest(AlertPlace place, Digest digest) {
        return post(place, DigestBlocks.render(digest, charts));
    }

    private DeliveryOutcome post(AlertPlace place, SlackMessage message) {
        return send(place, "chat.postMessage", client -> client.chatPostMessage(r -> r.channel(place.channel())
                .text(message.text()).blocks(message.blocks())), ChatPostMessageResponse::getTs);
    }

    private <T extends SlackApiTextResponse> DeliveryOutcome send(AlertPlace place, String method, Call<T> call,
                                                                  Function<T, String> ts) {
        try {
            T response = call.call(client(place));
            if (response.isOk()) {
                return new DeliveryOutcome.Delivered(ts.apply(response));
            }
            LOG.info("Slack refused {} in {} of {}: {}", method, place.channel(), place.workspace(),
                    response.getError());
            return SlackOutcomes.refused(method, response.getError(), response.getNeeded(), place);
        } catch (Refusal notInstalled) {
            return new DeliveryOutcome.Gone(UNINSTALLED);
        } catch (SlackApiException e) {
            return SlackOutcomes.httpError(method, e);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} to {} of {} failed", method, place.channel(), place.workspace(), e);
            return new DeliveryOutcome.Failed("Slack could not be reached (" + method + ")");
        }
    }

    /**
     * Whether the bot is in the channel, asked with conversations.info: a bot outside it (without
     * chat:write.public, which licensebot does not ask for) cannot post there, and a private channel
     * it is not in does not exist for it.
     */
    @Override
    public Optional<String> cannotPost(AlertPlace place) {
        try {
            MethodsClient client = client(place);
            ConversationsInfoResponse info = client.conversationsInfo(r -> r.channel(place.channel()));
            if (info.isOk() && info.getChannel() != null) {
                if (info.getChannel().isArchived()) {
                    return Optional.of(place.shown() + " is archived.");
                }
                return info.getChannel().isMember() || info.getChannel().isIm() ? Optional.empty()
                        : Optional.of(inviteFirst(client, place));
            }
            String error = info.getError();
            if ("channel_not_found".equals(error) || "not_in_channel".equals(error)) {
                return Optional.of(inviteFirst(client, place));
            }
            if ("missing_scope".equals(error) && info.getNeeded() != null && info.getNeeded().contains("im:read")) {
                // licensebot asks for no scope to read direct messages: alerts are for channels.
                return Optional.of(DIRECT_MESSAGES);
            }
            String gone = SlackOutcomes.goneReason(error, info.getNeeded(), place);
            return Optional.of(gone != null ? capitalized(gone) + "."
                    : "Slack did not say whether I can post there (" + error + "); try again in a minute.");
        } catch (Refusal notInstalled) {
            return Optional.of(capitalized(UNINSTALLED) + ".");
        } catch (SlackApiException | IOException | RuntimeException e) {
            LOG.warn("conversations.info of {} in {} failed", place.channel(), place.workspace(), e);
            return Optional.of("Slack could not be reached to check that I can post there; try again in a minute.");
        }
    }

    /** "invite the bot first: /invite @licensebot in #ops", with the bot's name in this workspace. */
    private static String inviteFirst(MethodsClient client, AlertPlace place) {
        String name = "licensebot";
        try {
            var auth = client.authTest(r -> r);
            if (auth.isOk() && auth.getUser() != null) {
                name = auth.getUser();
            }
        } catch (SlackApiException | IOException | RuntimeException e) {
            LOG.debug("auth.test failed; the hint names the bot licensebot", e);
        }
        return "invite the bot first: /invite @" + name + " in " + place.shown() + ".";
    }

    private MethodsClient client(AlertPlace place) {
        SlackPlaces.Workspace workspace = SlackPlaces.workspaceOf(place);
        return clients.of(workspace.enterpriseId(), workspace.teamId());
    }

    private static String capitalized(String sentence) {
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
