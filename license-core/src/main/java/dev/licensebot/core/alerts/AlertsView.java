package dev.licensebot.core.alerts;

import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.usage.Forecast;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer to everything asked of the alerts: one sentence on what just happened, then where
 * alerts go, the levels watched and the incidents, worded here once for every surface.
 *
 * @param sentence what was done or found ("Alerts are on in #ops."), first
 * @param places   one line per subscription
 * @param levels   one line for the levels of both pools
 * @param live     the live incidents' messages
 * @param recent   incidents resolved in the last week, one line each
 */
public record AlertsView(String sentence, List<String> places, String levels, List<IncidentNotice> live,
                         List<String> recent) {

    public AlertsView {
        places = List.copyOf(places);
        live = List.copyOf(live);
        recent = List.copyOf(recent);
    }

    static AlertsView of(String sentence, List<PlaceStatus> subscriptions, Map<Pool, AlertLevels> levels,
                         List<Incident> incidents, ZoneId zone, Instant now) {
        List<String> places = subscriptions.stream().map(s -> s.line(zone, now)).toList();
        String levelLine = "Watched: session licenses at " + levels.get(Pool.SESSION).shown()
                + ", user licenses at " + levels.get(Pool.USER).shown()
                + "; every denial; and a forecast " + Forecast.HORIZON_DAYS + " days ahead.";
        List<IncidentNotice> live = new ArrayList<>();
        List<String> recent = new ArrayList<>();
        for (Incident incident : incidents) {
            IncidentNotice notice = IncidentNotice.of(incident, zone, now);
            if (incident.live()) {
                live.add(notice);
            } else {
                recent.add(notice.summary());
            }
        }
        return new AlertsView(sentence, places, levelLine, live, recent);
    }

    /** A subscription as "alerts" shows it, with why it is off or its last failed delivery. */
    record PlaceStatus(Subscription subscription, String lastError) {

        String line(ZoneId zone, Instant now) {
            Subscription s = subscription;
            String where = s.place().shown() + " (" + surfaceName(s) + ")";
            if (!s.enabled()) {
                return where + ": off since " + TenantTime.since(s.disabledAt(), now, zone) + ", because "
                        + s.disabledReason() + ". Type \"alerts on\" there to turn it on again.";
            }
            String line = where + ": on since " + TenantTime.since(s.createdAt(), now, zone) + " (" + s.createdBy()
                    + "), weekly digest " + s.digestDay().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s at "
                    + s.digestTime();
            return lastError == null ? line : line + ". The last alert could not be posted there: " + lastError;
        }

        private static String surfaceName(Subscription s) {
            return switch (s.place().surface()) {
                case SLACK -> "Slack";
                case TEAMS -> "Teams";
                default -> s.place().surface().name();
            };
        }
    }

    /** Every line after the sentence, in order, for places without layout. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (places.isEmpty()) {
            lines.add("No place receives alerts yet: type \"alerts on\" in the channel or chat that should.");
        } else {
            lines.add("Alerts go to:");
            places.forEach(p -> lines.add("• " + p));
        }
        lines.add(levels);
        live.forEach(n -> lines.add("Live: " + n.summary()));
        recent.forEach(r -> lines.add("Recent: " + r));
        return lines;
    }
}
