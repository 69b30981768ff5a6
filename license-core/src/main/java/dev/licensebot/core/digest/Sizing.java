package dev.licensebot.core.digest;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one line of a pool's digest an admin can act on, worded here once for every surface:
 * denials first (licenses were missing), else how many were never needed, else that the pool
 * was full without anyone refused (the total fits).
 */
final class Sizing {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private Sizing() {
    }

    /**
     * @param label       "session", "user"
     * @param countedDays days of the 30 that count (fewer for a tenant younger than that)
     * @param dailyMax    the highest daily max of those days, reached on {@code maxDay}
     */
    static String line(String label, int total, int countedDays, int dailyMax, LocalDate maxDay, int weekDenials,
                       BusiestHour busiest, ZoneId zone) {
        if (weekDenials > 0 && busiest != null) {
            return weekDenials + (weekDenials == 1 ? " denial" : " denials") + " this week: the busiest hour ("
                    + hour(busiest, zone) + ") needed " + busiest.denials() + " more.";
        }
        if (total == 0) {
            return "There are no " + label + " licenses, and nobody was refused one this week.";
        }
        String days = countedDays <= 1 ? "today" : "on any day of the last " + countedDays;
        if (dailyMax < total) {
            return "At most " + dailyMax + " of " + total + " " + label + " licenses were in use " + days + ": "
                    + (total - dailyMax) + " " + (total - dailyMax == 1 ? "was" : "were") + " never needed.";
        }
        return "All " + total + " " + label + " licenses were in use on " + DAY.format(maxDay)
                + ", and nobody was refused one this week.";
    }

    /** "8 Dec 10:00–11:00". */
    private static String hour(BusiestHour busiest, ZoneId zone) {
        return DAY_TIME.format(busiest.start().atZone(zone)) + "–"
                + TIME.format(busiest.start().plus(Duration.ofHours(1)).atZone(zone));
    }
}
