package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.time.TenantTime;

import java.util.ArrayList;
import java.util.List;

/** Rows of the session history: every field of a session license (DESIGN.md §3). */
public final class SessionHistoryRows {

    private SessionHistoryRows() {
    }

    public static List<ObjectNode> of(HistoryView<AgentSession> view, ConversationLinks links) {
        List<ObjectNode> rows = new ArrayList<>();
        for (AgentSession s : view.rows().rows()) {
            List<Elements.Fact> facts = new ArrayList<>();
            Rows.fact(facts, "Session id", s.id());
            facts.add(new Elements.Fact("Started", TenantTime.dateTimeWithZone(s.startedAt(), view.zone())));
            Rows.fact(facts, "Started by", s.startedBy() == null ? null : s.startedBy().name());
            Rows.fact(facts, "Email", s.email());
            Rows.fact(facts, "Role", s.role());
            Rows.fact(facts, "Agent name", s.agentName());
            Rows.fact(facts, "Channel", s.channel());
            facts.add(new Elements.Fact("Conversations",
                    HistoryCard.conversations(s.conversations(), links.forSession(s.id()))));
            facts.add(new Elements.Fact("Open interactions", Interactions.of(s.openInteractions())));
            if (s.lastActivityAt() != null) {
                facts.add(new Elements.Fact("Last activity",
                        TenantTime.dateTimeWithZone(s.lastActivityAt(), view.zone())));
            }
            facts.add(new Elements.Fact("Ended", s.isOpen() ? "still open"
                    : TenantTime.dateTimeWithZone(s.endedAt(), view.zone()) + " (" + s.endReason().label() + ")"));
            Rows.fact(facts, "Terminated by", s.terminatedBy());
            rows.add(Rows.row("**" + Text.plain(s.displayName(), Rows.VALUE_LENGTH) + "**", facts));
        }
        return rows;
    }
}
