package dev.licensebot.server.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.licensebot.core.alerts.Incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One alert incident: what ran short (CAPACITY: the pool's levels and denials; FORECAST: the trend),
 * in which pool, the level reached now (a percentage, 0 once back under the levels), the peak,
 * denials, and when it started, was acknowledged and was resolved (null while live).
 */
@JsonPropertyOrder({"id", "kind", "pool", "live", "level", "inUse", "total", "peak", "denials", "fullOn",
        "startedAt", "resolvedAt", "acknowledgedBy", "acknowledgedAt", "snoozedUntil"})
public record IncidentJson(String id, Incident.Kind kind, String pool, boolean live, int level, int inUse, int total,
                           int peak, int denials, LocalDate fullOn, Instant startedAt, Instant resolvedAt,
                           String acknowledgedBy, Instant acknowledgedAt, Instant snoozedUntil) {

    static IncidentJson of(Incident i) {
        return new IncidentJson(i.id(), i.kind(), i.pool().label(), i.live(), i.level(), i.inUse(), i.total(),
                i.peak(), i.denials(), i.fullOn(), i.startedAt(), i.resolvedAt(), i.acknowledgedBy(),
                i.acknowledgedAt(), i.snoozedUntil());
    }

    /** The body of GET /api/v1/alerts: live incidents first, then those resolved in the last week. */
    public record Incidents(List<IncidentJson> incidents) {
    }
}
