package dev.licensebot.core.audit;

import dev.licensebot.core.access.Surface;

import java.time.Instant;

public record AuditEntry(Instant occurredAt, String actor, Surface surface, String action, String detail,
                         String outcome) {
}
