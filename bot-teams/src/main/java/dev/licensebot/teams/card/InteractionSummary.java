package dev.licensebot.teams.card;

import dev.licensebot.core.sessions.OpenInteraction;

import java.util.List;
import java.util.stream.Collectors;

/** "Chat ×2, Email ×1": a session's open interactions in one line, never longer than a row allows. */
final class InteractionSummary {

    static final int SHOWN = 5;
    static final int NAME_LENGTH = 40;

    private InteractionSummary() {
    }

    static String of(List<OpenInteraction> interactions) {
        if (interactions.isEmpty()) {
            return "none";
        }
        String shown = interactions.stream().limit(SHOWN)
                .map(i -> Text.plain(i.name(), NAME_LENGTH) + " ×" + i.instances())
                .collect(Collectors.joining(", "));
        int more = interactions.size() - SHOWN;
        return more > 0 ? shown + " and " + more + " more" : shown;
    }
}
