package dev.licensebot.slack.alerts;

import com.slack.api.methods.SlackApiException;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.alerts.DeliveryOutcome;

import java.time.Duration;

/**
 * What Slack's answers mean for an alert's delivery: slow down (429, ratelimited), gone for good
 * (the channel, the bot's membership or the app itself), or worth another try later (anything else).
 */
final class SlackOutcomes {

    /** When Slack says ratelimited in an ok:false answer, without a Retry-After to go by. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    /** chat.update of a message someone deleted. */
    private static final String MESSAGE_NOT_FOUND = "message_not_found";

    private SlackOutcomes() {
    }

    /** Whether Slack refused an update because the message is no longer there. */
    static boolean messageMissing(DeliveryOutcome outcome) {
        return outcome instanceof DeliveryOutcome.Failed failed && failed.reason().endsWith(": " + MESSAGE_NOT_FOUND);
    }

    /** Slack's ok:false error code, as a reason in the admin's terms for a place that is gone; else null. */
    static String goneReason(String error, String needed, AlertPlace place) {
        if (error == null) {
            return null;
        }
        return switch (error) {
            case "channel_not_found" -> place.shown() + " no longer exists, or licensebot cannot see it";
            case "not_in_channel" -> "the bot was removed from " + place.shown();
            case "is_archived" -> place.shown() + " was archived";
            case "account_inactive", "token_revoked", "invalid_auth", "not_authed", "team_access_not_granted",
                    "workspace_not_installed" -> "licensebot was uninstalled from the workspace";
            case "missing_scope" -> "licensebot lacks the Slack permission " + (needed == null ? "it needs" : needed)
                    + " (reinstall the app)";
            default -> null;
        };
    }

    /** An ok:false answer. */
    static DeliveryOutcome refused(String method, String error, String needed, AlertPlace place) {
        if ("ratelimited".equals(error)) {
            return new DeliveryOutcome.RetryAfter(DEFAULT_WAIT, "Slack asked to slow down (" + method + ")");
        }
        String gone = goneReason(error, needed, place);
        return gone != null ? new DeliveryOutcome.Gone(gone)
                : new DeliveryOutcome.Failed("Slack refused " + method + ": " + error);
    }

    /** A non-2xx answer: 429 with Retry-After, or a failure on Slack's side. */
    static DeliveryOutcome httpError(String method, SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status == 429) {
            return new DeliveryOutcome.RetryAfter(retryAfter(e.getResponse().header("Retry-After")),
                    "Slack rate-limited " + method);
        }
        return new DeliveryOutcome.Failed("Slack answered " + method + " with HTTP " + status);
    }

    /** Retry-After in seconds, as Slack sends it; a missing or odd value waits a second. */
    static Duration retryAfter(String header) {
        try {
            return header == null ? Duration.ofSeconds(1) : Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
