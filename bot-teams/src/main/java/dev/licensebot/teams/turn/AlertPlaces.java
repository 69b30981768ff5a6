package dev.licensebot.teams.turn;

import dev.licensebot.core.access.Surface;
import dev.licensebot.core.alerts.AlertPlace;

/**
 * Where an activity was written, as the core's alerts know places: the Entra tenant and the
 * conversation, which is where "alerts on" sends the alerts.
 */
final class AlertPlaces {

    /** How Teams marks a reply thread inside a channel's conversation id. */
    private static final String THREAD = ";messageid=";

    private AlertPlaces() {
    }

    /** Null when the activity names no Entra tenant (the Emulator): no alerts can be sent there. */
    static AlertPlace of(Incoming activity) {
        if (activity.entraTenant() == null || activity.conversationId() == null) {
            return null;
        }
        return new AlertPlace(Surface.TEAMS, activity.entraTenant(), conversationOf(activity.conversationId()),
                activity.place().name());
    }

    /**
     * The channel's own conversation id for a message in one of its threads
     * ("19:…@thread.tacv2;messageid=…"): alerts start threads of their own in the channel, and
     * a subscription made in any thread of a channel is that channel's.
     */
    static String conversationOf(String conversationId) {
        int thread = conversationId.indexOf(THREAD);
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }
}
