package dev.licensebot.core.alerts;

import java.time.Duration;

/** What a chat platform answered when an alert was posted or updated. */
public sealed interface DeliveryOutcome {

    /** Posted or updated; {@code messageRef} finds the message again (Slack's ts, Teams' activity id). */
    record Delivered(String messageRef) implements DeliveryOutcome {
    }

    /** Too many messages: the platform says when to try again. */
    record RetryAfter(Duration after, String reason) implements DeliveryOutcome {
    }

    /**
     * The bot can no longer write there (removed from the channel, channel archived or gone, app
     * uninstalled): the subscription is turned off and {@code reason} says why, in the admin's terms.
     */
    record Gone(String reason) implements DeliveryOutcome {
    }

    /** Anything else that may pass (a timeout, a 5xx): tried again later, a bounded number of times. */
    record Failed(String reason) implements DeliveryOutcome {
    }
}
