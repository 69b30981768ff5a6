package dev.licensebot.slack.blocks;

import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.slack.blocks.HistoryTable.Column;

import java.time.ZoneId;
import java.util.List;

import static dev.licensebot.slack.blocks.HistoryTable.count;
import static dev.licensebot.slack.blocks.HistoryTable.date;
import static dev.licensebot.slack.blocks.HistoryTable.text;

/** Every field of a session license (DESIGN.md §3), one session a row. */
final class SessionHistoryTable {

    static final HistoryTable<AgentSession> TABLE = new HistoryTable<>("Session history", "sessions",
            List.of(Column.text("Session"), Column.text("Agent"), Column.text("Started"), Column.text("Started by"),
                    Column.text("Email"), Column.text("Role"), Column.text("Agent name"), Column.text("Channel"),
                    Column.number("Conversations"), Column.wrapped("Open interactions"), Column.text("Last activity"),
                    Column.text("Ended"), Column.text("End reason"), Column.text("Terminated by")),
            SessionHistoryTable::row);

    private SessionHistoryTable() {
    }

    private static List<Object> row(AgentSession s, ZoneId zone, ConversationLinks links) {
        return List.of(text(s.id()), text(s.displayName()), date(s.startedAt(), zone), text(s.startedBy().name()),
                text(s.email()), text(s.role()), text(s.agentName()), text(s.channel()),
                count(s.conversations(), links.forSession(s.id())), text(interactions(s)),
                date(s.lastActivityAt(), zone), date(s.endedAt(), zone),
                text(s.endReason() == null ? "open" : s.endReason().name()), text(s.terminatedBy()));
    }

    /** Raw text is shown literally, so the names are not escaped here. */
    private static String interactions(AgentSession s) {
        if (s.openInteractions().isEmpty()) {
            return String.valueOf(s.openInteractionCount());
        }
        return s.openInteractionCount() + ": " + String.join(", ", s.openInteractions().stream()
                .map(OpenInteraction::label).toList());
    }
}
