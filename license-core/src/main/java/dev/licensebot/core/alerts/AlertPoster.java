package dev.licensebot.core.alerts;

import dev.licensebot.core.digest.Digest;

import java.util.Optional;

/**
 * How one chat platform writes alerts: implemented by each adapter, handed to the core by the
 * server's wiring. Implementations answer every platform error with an outcome and never throw for
 * what the platform says.
 */
public interface AlertPoster {

    /** A new message for the incident in {@code place}. */
    DeliveryOutcome post(AlertPlace place, IncidentNotice notice);

    /** The incident's message, posted before as {@code messageRef}, now shows {@code notice}. */
    DeliveryOutcome update(AlertPlace place, String messageRef, IncidentNotice notice);

    /**
     * The weekly digest, posted as a new message (never updated), drawn as the surface draws the
     * `digest` answer, graphs included.
     */
    DeliveryOutcome postDigest(AlertPlace place, Digest digest);

    /**
     * Why the bot could not post in {@code place}, in words that say how to fix it ("invite the bot
     * with /invite @licensebot"), or empty when it can. Asked when someone turns alerts on there.
     */
    Optional<String> cannotPost(AlertPlace place);
}
