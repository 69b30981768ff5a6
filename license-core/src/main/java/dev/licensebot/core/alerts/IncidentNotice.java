package dev.licensebot.core.alerts;

import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.usage.Forecast;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An incident's message as every surface shows it: a headline, a few lines, and the buttons it
 * offers. Worded here once; Slack and Teams only lay it out.
 *
 * @param buttons empty once resolved: nothing is left to do
 */
public record IncidentNotice(String incidentId, Pool pool, boolean live, String headline, List<String> lines,
                             List<IncidentAction> buttons, long version) {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    public IncidentNotice {
        lines = List.copyOf(lines);
        buttons = List.copyOf(buttons);
    }

    /** The message for {@code incident} of a tenant in {@code zone}, as of {@code now}. */
    public static IncidentNotice of(Incident incident, ZoneId zone, Instant now) {
        List<String> lines = new ArrayList<>();
        String headline = incident.kind() == Incident.Kind.CAPACITY
                ? capacity(incident, zone, now, lines)
                : forecast(incident, lines);
        if (incident.acknowledgedBy() != null) {
            lines.add("Acknowledged by " + incident.acknowledgedBy() + " at "
                    + TenantTime.since(incident.acknowledgedAt(), now, zone));
        }
        if (incident.live() && incident.snoozedAt(now)) {
            lines.add("Snoozed by " + incident.snoozedBy() + " until "
                    + TenantTime.sinceWithZone(incident.snoozedUntil(), now, zone));
        }
        List<IncidentAction> buttons = new ArrayList<>();
        if (incident.live()) {
            if (incident.acknowledgedBy() == null) {
                buttons.add(IncidentAction.ACKNOWLEDGE);
            }
            buttons.add(IncidentAction.SNOOZE_HOUR);
            buttons.add(IncidentAction.SNOOZE_TOMORROW);
        }
        return new IncidentNotice(incident.id(), incident.pool(), incident.live(), headline, lines, buttons,
                incident.version());
    }

    private static String capacity(Incident incident, ZoneId zone, Instant now, List<String> lines) {
        String pool = capitalized(incident.pool().label()) + " licenses";
        String figures = incident.inUse() + " of " + incident.total() + " in use";
        String peak = "peak " + incident.peak() + " of " + incident.total();
        String denials = denials(incident, now, zone);
        if (!incident.live()) {
            String resolved = "Resolved at " + TenantTime.since(incident.resolvedAt(), now, zone) + " · " + peak
                    + " · " + incident.denials() + (incident.denials() == 1 ? " denial" : " denials");
            lines.add(resolved);
            lines.add("Started " + TenantTime.sinceWithZone(incident.startedAt(), now, zone));
            return pool + ": resolved";
        }
        lines.add(capitalized(peak) + " · since " + TenantTime.sinceWithZone(incident.startedAt(), now, zone));
        if (denials != null) {
            lines.add(denials);
        }
        String headline = incident.level() > 0
                ? pool + " at " + incident.level() + " %: " + figures
                : pool + " back under the alert levels: " + figures;
        return headline;
    }

    /** "4 agents were refused a session license since 10:42", or null without denials. */
    private static String denials(Incident incident, Instant now, ZoneId zone) {
        if (incident.denials() == 0) {
            return null;
        }
        String who = incident.pool() == Pool.SESSION ? "agent" : "user";
        return incident.denials() + " " + who + (incident.denials() == 1 ? " was" : "s were") + " refused a "
                + incident.pool().label() + " license since " + TenantTime.since(incident.firstDenialAt(), now, zone);
    }

    private static String forecast(Incident incident, List<String> lines) {
        String pool = "the " + incident.pool().label() + " pool";
        if (!incident.live()) {
            lines.add("The trend of the last 30 days' peaks no longer reaches the total within "
                    + Forecast.HORIZON_DAYS + " days.");
            return capitalized(incident.pool().label()) + " pool forecast: resolved";
        }
        lines.add("From the trend of the last 30 days' peaks; today's peak " + incident.peak() + " of "
                + incident.total() + ".");
        return "At this trend " + pool + " is full around " + DAY_MONTH.format(incident.fullOn());
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Active agents is offered while the incident is live: the list that says who holds the licenses. */
    public boolean offersActiveAgents() {
        return live;
    }

    /** One line of text for places without layout (the console, a notification's preview). */
    public String summary() {
        return lines.isEmpty() ? headline : headline + " · " + lines.get(0);
    }
}
