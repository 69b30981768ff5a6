package dev.licensebot.core.confirm;

import dev.licensebot.core.tenant.Pool;

import java.time.Instant;
import java.util.List;

/**
 * A pending destructive action: single-use, bound to a tenant and to the person who asked, and
 * void after {@link Confirmations#LIFETIME}. Adapters put its id in their Confirm/Cancel buttons.
 */
public record Confirmation(
        String id,
        String tenantId,
        String requestedBy,
        ConfirmAction action,
        List<String> sessionIds,
        Pool pool,
        Integer delta,
        String reason,
        Instant createdAt,
        Instant expiresAt) {

    public Confirmation {
        sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
    }

    /** What it would do, for the audit log: "sessions s-1, s-2" or "+10 session licenses (PO 4711)". */
    public String describe() {
        return switch (action) {
            case TERMINATE -> "sessions " + String.join(", ", sessionIds);
            case REPLENISH -> (delta > 0 ? "+" : "") + delta + " " + pool.label() + " licenses"
                    + (reason == null ? "" : " (" + reason + ")");
        };
    }
}
