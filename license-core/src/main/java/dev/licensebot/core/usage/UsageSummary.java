package dev.licensebot.core.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Both pools' figures as of one instant, with the zone and the day the days were cut by. */
public record UsageSummary(PoolUsage session, PoolUsage user, ZoneId zone, LocalDate today, Instant asOf) {
}
