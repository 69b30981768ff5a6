package dev.licensebot.server.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.audit.AuditEntry;

import java.time.Instant;

/**
 * One audit entry, in JSON and as a CSV row: when (an instant, like every time the API gives), who
 * (an operator's email, or "api" / "cli" for the tenant's own systems), through which surface,
 * what was asked, and how it ended.
 */
@JsonPropertyOrder({"occurredAt", "actor", "surface", "action", "detail", "outcome"})
public record AuditJson(Instant occurredAt, String actor, Surface surface, String action, String detail,
                        String outcome) {

    static AuditJson of(AuditEntry e) {
        return new AuditJson(e.occurredAt(), e.actor(), e.surface(), e.action(), e.detail(), e.outcome());
    }
}
