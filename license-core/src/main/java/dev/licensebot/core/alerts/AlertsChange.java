package dev.licensebot.core.alerts;

import dev.licensebot.core.tenant.Pool;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** What someone asks of the alerts, typed ("alerts on") or pressed (Acknowledge on a message). */
public sealed interface AlertsChange {

    /** "alerts": what is on, where, the levels, and the incidents. */
    record Show() implements AlertsChange {
    }

    /** "alerts on": this place receives the tenant's alerts and digest. */
    record On() implements AlertsChange {
    }

    /** "alerts off": this place no longer does. */
    record Off() implements AlertsChange {
    }

    /** "alerts levels session 85,95,100", as typed; parsed after the permission check. */
    record Levels(Pool pool, String levels) implements AlertsChange {
        public Levels {
            Objects.requireNonNull(pool, "pool");
        }
    }

    /** "alerts digest monday 09:00": when this place gets the weekly digest, in the tenant's time. */
    record DigestAt(DayOfWeek day, LocalTime time) implements AlertsChange {
        public DigestAt {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(time, "time");
        }
    }

    /** A button of an incident's message. */
    record Press(String incidentId, IncidentAction action) implements AlertsChange {
        public Press {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(action, "action");
        }
    }
}
