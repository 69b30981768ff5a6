package dev.licensebot.core.alerts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One place that receives a tenant's alerts and weekly digest.
 *
 * @param disabledReason why the bot stopped writing there (it was removed, the channel archived);
 *                       null while it is on
 * @param digestSentFor  the tenant day of the last digest sent here, so every node sends it once
 * @param digestAskedAt  when someone asked for a digest now, until a node sends it; else null
 */
public record Subscription(String id, String tenantId, AlertPlace place, String createdBy, Instant createdAt,
                           Instant disabledAt, String disabledReason, DayOfWeek digestDay, LocalTime digestTime,
                           LocalDate digestSentFor, Instant digestAskedAt) {

    public static final DayOfWeek DEFAULT_DIGEST_DAY = DayOfWeek.MONDAY;
    public static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(9, 0);

    public boolean enabled() {
        return disabledAt == null;
    }
}
