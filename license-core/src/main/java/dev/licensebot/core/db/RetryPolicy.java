package dev.licensebot.core.db;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a transaction the database rolled back is run again: until {@code deadline} after its
 * first try, pausing between tries for a random time between half and all of a bound that grows
 * exponentially ({@code firstPause}, doubled each time, at most {@code maxPause}). The randomness
 * keeps racing writers from meeting again in lockstep; the deadline, not a count, bounds what a
 * caller waits, however fast or slow each try fails.
 */
public record RetryPolicy(Duration deadline, Duration firstPause, Duration maxPause) {

    /** About two seconds: longer than a Galera certification storm, shorter than a client's patience. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(Duration.ofSeconds(2), Duration.ofMillis(5), Duration.ofMillis(250));

    public RetryPolicy {
        if (firstPause.isNegative() || firstPause.isZero() || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("pauses must be positive and maxPause at least firstPause");
        }
    }

    /** The pause before try {@code failures + 1}, in nanoseconds. */
    long pauseNanos(int failures) {
        long bound = firstPause.toNanos() << Math.min(failures - 1, 20);
        bound = Math.min(bound, maxPause.toNanos());
        return ThreadLocalRandom.current().nextLong(bound / 2, bound + 1);
    }
}
