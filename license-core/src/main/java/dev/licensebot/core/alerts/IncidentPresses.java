package dev.licensebot.core.alerts;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.time.TenantTime;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Acknowledge and Snooze on an incident's message. Pressed twice, or by two people at once, the
 * second press changes nothing and says who was first; another tenant's incident does not exist.
 */
final class IncidentPresses {

    private IncidentPresses() {
    }

    static String press(Jdbi jdbi, Repositories repositories, AuditLog audit, Clock clock, Tenant tenant, Actor actor,
                        AlertsChange.Press press) {
        Instant now = clock.instant();
        Outcome outcome = jdbi.inTransaction(h -> {
            IncidentRepository incidents = repositories.of(IncidentRepository.class);
            // Locks the tenant's evaluation too, so a press and an evaluation never overwrite each other.
            incidents.lockWatch(tenant.id(), now);
            Incident incident = incidents.find(tenant.id(), press.incidentId())
                    .orElseThrow(() -> Refusal.notFound("alert", "That alert does not exist (any more)."));
            if (!incident.live()) {
                return new Outcome(null, "That alert was resolved at "
                        + TenantTime.since(incident.resolvedAt(), now, tenant.zone()) + "; nothing to do.");
            }
            return switch (press.action()) {
                case ACKNOWLEDGE -> acknowledge(incidents, incident, actor, now);
                case SNOOZE_HOUR -> snooze(incidents, incident, actor, now.plus(Duration.ofHours(1)), tenant, now);
                case SNOOZE_TOMORROW -> snooze(incidents, incident, actor,
                        Alerts.tomorrowMorning(now, tenant.zone()), tenant, now);
            };
        });
        if (outcome.audited() != null) {
            audit.record(actor, outcome.audited(), "alert " + press.incidentId(), outcome.sentence());
        }
        return outcome.sentence();
    }

    private record Outcome(String audited, String sentence) {
    }

    private static Outcome acknowledge(IncidentRepository incidents, Incident incident, Actor actor, Instant now) {
        if (incident.acknowledgedBy() != null) {
            return new Outcome(null, "Already acknowledged by " + incident.acknowledgedBy() + ".");
        }
        incidents.save(IncidentChanges.acknowledged(incident, actor.name(), now));
        return new Outcome("ALERT_ACKNOWLEDGED", "Acknowledged: the alert now says you are on it.");
    }

    private static Outcome snooze(IncidentRepository incidents, Incident incident, Actor actor, Instant until,
                                  Tenant tenant, Instant now) {
        if (incident.snoozedUntil() != null && !incident.snoozedUntil().isBefore(until)) {
            return new Outcome(null, "Already snoozed by " + incident.snoozedBy() + " until "
                    + TenantTime.sinceWithZone(incident.snoozedUntil(), now, tenant.zone()) + ".");
        }
        incidents.save(IncidentChanges.snoozed(incident, actor.name(), until, now));
        return new Outcome("ALERT_SNOOZED", "Snoozed until " + TenantTime.sinceWithZone(until, now, tenant.zone())
                + ": the message stays as it is until then.");
    }
}
