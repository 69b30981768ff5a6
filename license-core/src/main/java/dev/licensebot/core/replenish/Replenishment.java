package dev.licensebot.core.replenish;

import dev.licensebot.core.tenant.Pool;

import java.time.Instant;

/** One line of the purchase history: licenses added (+) or removed (-) from a pool. */
public record Replenishment(Pool pool, Instant occurredAt, int delta, int totalAfter, String actor, String reason) {

    /** "Added 10 session licenses; the total is now 35. By x@y." for the message that confirmed it. */
    public String summary() {
        int n = Math.abs(delta);
        return (delta > 0 ? "Added " : "Removed ") + n + " " + pool.label() + (n == 1 ? " license" : " licenses")
                + "; the total is now " + totalAfter + ". By " + actor + ".";
    }
}
