package dev.licensebot.server.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.tenant.Pool;

import java.time.Instant;

/** One line of the purchase history, in JSON and as a CSV row: licenses added (+) or removed (-). */
@JsonPropertyOrder({"pool", "occurredAt", "delta", "totalAfter", "actor", "reason"})
public record PurchaseJson(Pool pool, Instant occurredAt, int delta, int totalAfter, String actor, String reason) {

    static PurchaseJson of(Replenishment r) {
        return new PurchaseJson(r.pool(), r.occurredAt(), r.delta(), r.totalAfter(), r.actor(), r.reason());
    }
}
