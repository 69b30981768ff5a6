package dev.licensebot.core.digest;

import dev.licensebot.core.tenant.DenialRepository.Denied;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The clock hour of the tenant's zone (10:00 to 11:00, say) in which one pool was refused most
 * often, and how often. Each denial is an allocation refused because every license was held, so
 * the count is how many more licenses that hour would have needed for none to be refused: at
 * most, since an agent that tried again is counted again, and an hour is long enough for demand
 * to come and go. It is the nearest the denial log comes to "how many were missing"; the most
 * recent hour wins a tie, as it is the one an admin remembers.
 *
 * @param start the hour's first instant
 */
public record BusiestHour(Instant start, int denials) {

    static Optional<BusiestHour> of(Collection<Denied> denials, ZoneId zone) {
        Map<Instant, Integer> perHour = new TreeMap<>();
        for (Denied denied : denials) {
            ZonedDateTime local = denied.deniedAt().atZone(zone);
            perHour.merge(local.truncatedTo(ChronoUnit.HOURS).toInstant(), 1, Integer::sum);
        }
        BusiestHour busiest = null;
        for (Map.Entry<Instant, Integer> hour : perHour.entrySet()) {
            if (busiest == null || hour.getValue() >= busiest.denials()) {
                busiest = new BusiestHour(hour.getKey(), hour.getValue());
            }
        }
        return Optional.ofNullable(busiest);
    }
}
