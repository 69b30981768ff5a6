package dev.licensebot.server.api;

import dev.licensebot.core.usage.UsageSummary;

import java.time.Instant;
import java.time.LocalDate;

/** Both pools' figures; {@code today} is the tenant's day in {@code timeZone} the days were cut by. */
public record UsageJson(PoolUsageJson session, PoolUsageJson user, String timeZone, LocalDate today, Instant asOf) {

    static UsageJson of(UsageSummary summary) {
        return new UsageJson(PoolUsageJson.of(summary.session()), PoolUsageJson.of(summary.user()),
                summary.zone().getId(), summary.today(), summary.asOf());
    }
}
