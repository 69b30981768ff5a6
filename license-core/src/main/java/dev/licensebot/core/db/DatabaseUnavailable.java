package dev.licensebot.core.db;

import dev.licensebot.core.Refusal;

import java.time.Duration;

/**
 * The database could not be reached, or stayed in conflict past the retry deadline: nothing the
 * asker did wrong, and worth asking again shortly. A {@link Refusal} of kind UNAVAILABLE, so every
 * adapter answers it as it answers any refusal, with its one sentence (REST: 503 with Retry-After,
 * chat: the sentence); the database's own words stay in the cause, for the log.
 *
 * <p>After a lost connection it is not known whether a write that was being committed took
 * effect: the README lists the calls that are safe to repeat.
 */
public final class DatabaseUnavailable extends Refusal {

    /** When to ask again: about the time a failover or a restart takes to be noticed. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    public DatabaseUnavailable(Throwable cause) {
        super(Kind.UNAVAILABLE, "database_unavailable",
                "The license database cannot be reached right now. Please try again in a few seconds.", cause);
    }

    public Duration retryAfter() {
        return RETRY_AFTER;
    }
}
