package dev.licensebot.core.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Cuts calendar days of one time zone into UTC instants. A day runs from its first instant up to,
 * not including, the next day's first instant, so DST days are 23 or 25 hours long and a zone that
 * skips midnight starts its day at whatever local time comes first.
 */
final class TenantDays {

    private final ZoneId zone;

    TenantDays(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The end of the day, exclusive: the next day's start. */
    Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    DaySpan span(LocalDate day) {
        return new DaySpan(day, startOf(day), endOf(day));
    }

    /** One day of the zone as the half-open span [start, end) of instants. */
    record DaySpan(LocalDate day, Instant start, Instant end) {
    }
}
