package dev.licensebot.core.alerts;

import dev.licensebot.core.tenant.Pool;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Licenses running short in one pool, from the first crossing until resolved: what its one live
 * message shows. {@code version} grows with each change the message shows.
 *
 * @param level         the highest alert level reached now, 0 under all of them
 * @param inUse         licenses in use at the last change
 * @param peak          the most in use since it started
 * @param denials       agents refused a license since it started
 * @param fullOn        FORECAST only: the day the trend reaches the total
 * @param quietSince    since when usage is under the lowest level with no denial; null while it is not
 */
public record Incident(String id, String tenantId, Pool pool, Kind kind, int level, int inUse, int total,
                       int peak, int denials, Instant firstDenialAt, LocalDate fullOn, Instant startedAt,
                       Instant updatedAt, Instant quietSince, Instant resolvedAt, String acknowledgedBy,
                       Instant acknowledgedAt, String snoozedBy, Instant snoozedUntil, long snoozeVersion,
                       long version) {

    /** What is running short: the pool now (levels and denials), or soon (the forecast). */
    public enum Kind {
        CAPACITY, FORECAST
    }

    public boolean live() {
        return resolvedAt == null;
    }

    public boolean snoozedAt(Instant now) {
        return snoozedUntil != null && snoozedUntil.isAfter(now);
    }

    /** At most one live incident of a kind per pool and tenant (the unique live_key). */
    static String liveKey(String tenantId, Pool pool, Kind kind) {
        return tenantId + "/" + pool + "/" + kind;
    }
}
