package dev.licensebot.core.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The next state of an incident, as pure functions: what an evaluation saw, and what a person
 * pressed. A change the message shows bumps the version, which the deliveries then catch up with.
 */
final class IncidentChanges {

    private IncidentChanges() {
    }

    static Incident capacity(Incident live, AlertWatch.CapacityCheck check, Duration quietPeriod) {
        int level = check.level();
        int peak = Math.max(live.peak(), check.seen());
        int denials = live.denials() + check.newDenials();
        Instant firstDenial = live.firstDenialAt() != null ? live.firstDenialAt() : check.firstDenial();
        Instant quietSince = check.quiet() ? (live.quietSince() != null ? live.quietSince() : check.now()) : null;
        Instant resolvedAt = quietSince != null && !quietSince.plus(quietPeriod).isAfter(check.now()) ? quietSince : null;
        boolean shown = level != live.level() || peak != live.peak() || denials != live.denials() || resolvedAt != null;
        if (!shown) {
            return with(live, live.level(), live.inUse(), live.total(), live.peak(), live.denials(),
                    live.firstDenialAt(), quietSince, null, live.updatedAt(), live.version());
        }
        return with(live, level, check.standing().inUse(), check.standing().total(), peak, denials, firstDenial,
                quietSince, resolvedAt, check.now(), live.version() + 1);
    }

    static Incident forecast(Incident live, Optional<LocalDate> fullOn, Instant now) {
        if (fullOn.isEmpty()) {
            return new Incident(live.id(), live.tenantId(), live.pool(), live.kind(), live.level(), live.inUse(),
                    live.total(), live.peak(), live.denials(), live.firstDenialAt(), live.fullOn(), live.startedAt(),
                    now, live.quietSince(), now, live.acknowledgedBy(), live.acknowledgedAt(), live.snoozedBy(),
                    live.snoozedUntil(), live.snoozeVersion(), live.version() + 1);
        }
        if (fullOn.get().equals(live.fullOn())) {
            return live;
        }
        return new Incident(live.id(), live.tenantId(), live.pool(), live.kind(), live.level(), live.inUse(),
                live.total(), live.peak(), live.denials(), live.firstDenialAt(), fullOn.get(), live.startedAt(), now,
                live.quietSince(), null, live.acknowledgedBy(), live.acknowledgedAt(), live.snoozedBy(),
                live.snoozedUntil(), live.snoozeVersion(), live.version() + 1);
    }

    static Incident acknowledged(Incident live, String by, Instant now) {
        return new Incident(live.id(), live.tenantId(), live.pool(), live.kind(), live.level(), live.inUse(),
                live.total(), live.peak(), live.denials(), live.firstDenialAt(), live.fullOn(), live.startedAt(), now,
                live.quietSince(), live.resolvedAt(), by, now, live.snoozedBy(), live.snoozedUntil(),
                live.snoozeVersion(), live.version() + 1);
    }

    /** The change that says it is snoozed is shown at once; what follows waits for {@code until}. */
    static Incident snoozed(Incident live, String by, Instant until, Instant now) {
        long version = live.version() + 1;
        return new Incident(live.id(), live.tenantId(), live.pool(), live.kind(), live.level(), live.inUse(),
                live.total(), live.peak(), live.denials(), live.firstDenialAt(), live.fullOn(), live.startedAt(), now,
                live.quietSince(), live.resolvedAt(), live.acknowledgedBy(), live.acknowledgedAt(), by, until, version,
                version);
    }

    private static Incident with(Incident live, int level, int inUse, int total, int peak, int denials,
                                 Instant firstDenial, Instant quietSince, Instant resolvedAt, Instant updatedAt,
                                 long version) {
        return new Incident(live.id(), live.tenantId(), live.pool(), live.kind(), level, inUse, total, peak,
                denials, firstDenial, live.fullOn(), live.startedAt(), updatedAt, quietSince, resolvedAt,
                live.acknowledgedBy(), live.acknowledgedAt(), live.snoozedBy(), live.snoozedUntil(),
                live.snoozeVersion(), version);
    }
}
