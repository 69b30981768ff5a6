package dev.licensebot.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How times are shown to people: always in the tenant's zone, with the zone's name where the
 * reader could be elsewhere. The one place both chat platforms take their wording from.
 */
public final class TenantTime {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private TenantTime() {
    }

    /** "09:12" today, "9 Mar 22:40" on another day: short, for lists and confirmations. */
    public static String since(Instant at, Instant now, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        boolean today = local.toLocalDate().equals(LocalDate.ofInstant(now, zone));
        return (today ? TIME : DAY_TIME).format(local);
    }

    /** "09:12 CET". */
    public static String timeWithZone(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return TIME.format(local) + " " + ZONE.format(local);
    }

    /** "2026-03-10 09:12", for tables whose heading names the zone once. */
    public static String dateTime(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return DATE.format(local) + " " + TIME.format(local);
    }

    /** "2026-03-10 09:12 CET". */
    public static String dateTimeWithZone(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return DATE.format(local) + " " + TIME.format(local) + " " + ZONE.format(local);
    }

    /** "2026-03-10". */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "09:12 CET" today, "9 Mar 22:40 CET" on another day: a start time for readers anywhere. */
    public static String sinceWithZone(Instant at, Instant now, ZoneId zone) {
        return since(at, now, zone) + " " + ZONE.format(at.atZone(zone));
    }
}
