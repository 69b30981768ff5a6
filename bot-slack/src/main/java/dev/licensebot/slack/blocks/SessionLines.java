package dev.licensebot.slack.blocks;

import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.OpenInteraction;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** How one session reads in a list or a confirmation: agent, since when, open interactions. */
final class SessionLines {

    private SessionLines() {
    }

    /** "*ann* · since <!date…> · 3 open interactions: Chat ×2, Email". */
    static String line(AgentSession session, ZoneId zone) {
        return "*" + Text.escape(Text.cut(session.displayName(), 100)) + "*  ·  since "
                + SlackDates.mrkdwn(session.startedAt(), zone) + "  ·  " + interactions(session);
    }

    /** "3 open interactions: Chat ×2, Email", "no open interactions". */
    static String interactions(AgentSession session) {
        int count = session.openInteractionCount();
        if (count == 0) {
            return "no open interactions";
        }
        String names = describe(session.openInteractions());
        return Text.count(count, "open interaction", "open interactions") + (names.isEmpty() ? "" : ": " + names);
    }

    static String describe(List<OpenInteraction> interactions) {
        return Text.escape(Text.cut(interactions.stream()
                .map(OpenInteraction::label)
                .collect(Collectors.joining(", ")), 1000));
    }
}
