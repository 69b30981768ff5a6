package dev.licensebot.core.conversation;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.tenant.Pool;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** "alerts", "alerts on|off", "alerts levels session 85,95,100", "alerts digest monday 09:00". */
final class AlertWords {

    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");

    private AlertWords() {
    }

    static LicenseRequest parse(Words words) {
        if (words.takeAny("on", "enable", "start", "subscribe")) {
            return RequestParser.unknownOr(words, alerts(new AlertsChange.On()));
        }
        if (words.takeAny("off", "disable", "stop", "unsubscribe")) {
            return RequestParser.unknownOr(words, alerts(new AlertsChange.Off()));
        }
        if (words.takeAny("levels", "level", "thresholds", "threshold")) {
            return levels(words);
        }
        if (words.takeAny("digest")) {
            return digest(words);
        }
        return RequestParser.unknownOr(words, alerts(new AlertsChange.Show()));
    }

    private static LicenseRequest levels(Words words) {
        Pool pool = words.takeAny("session", "sessions") ? Pool.SESSION
                : words.takeAny("user", "users") ? Pool.USER : null;
        if (pool == null) {
            throw Refusal.invalid("pool", "Which licenses: session or user? Try `alerts levels session 80,90,100`.");
        }
        words.takeAny("licenses", "license", "licences", "licence", "at", "to");
        return alerts(new AlertsChange.Levels(pool, String.join(" ", words.remainingOriginal())));
    }

    private static LicenseRequest digest(Words words) {
        String time = words.takeMatching(TIME);
        DayOfWeek day = null;
        for (String word : words.remainingOriginal()) {
            day = dayOf(word);
            if (day != null) {
                words.takeAny(word.toLowerCase(Locale.ROOT));
                break;
            }
        }
        if (day == null || time == null) {
            throw Refusal.invalid("digest", "When? Try `alerts digest monday 09:00` (in your account's time zone).");
        }
        words.takeAny("at", "on");
        return RequestParser.unknownOr(words, alerts(new AlertsChange.DigestAt(day, timeOf(time))));
    }

    private static DayOfWeek dayOf(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        w = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (name.equals(w) || (w.length() >= 3 && name.startsWith(w))) {
                return day;
            }
        }
        return null;
    }

    private static LocalTime timeOf(String text) {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("digest", "\"" + text + "\" is not a time of day; write it as HH:MM, e.g. 09:00.");
        }
    }

    private static LicenseRequest alerts(AlertsChange change) {
        return new LicenseRequest.Alerts(change);
    }
}
