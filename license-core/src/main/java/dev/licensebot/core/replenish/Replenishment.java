package dev.licensebot.core.replenish;

import dev.licensebot.core.tenant.Pool;

import java.time.Instant;

/** One line of the purchase history: licenses added (+) or removed (-) from a pool. */
public record Replenishment(Pool pool, Instant occurredAt, int delta, int totalAfter, String actor, String reason) {
}
