package dev.licensebot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.OpenInteraction;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

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
    private static String interactions(AgentSession session) {
        int count = session.openInteractionCount();
        if (count == 0) {
            return "no open interactions";
        }
        String names = Text.escape(Text.cut(session.openInteractions().stream().map(OpenInteraction::label)
                .collect(Collectors.joining(", ")), 1000));
        return Text.count(count, "open interaction", "open interactions") + (names.isEmpty() ? "" : ": " + names);
    }

    /** One section per session, for a list. */
    static List<LayoutBlock> sections(List<AgentSession> sessions, ZoneId zone) {
        return sessions.stream().<LayoutBlock>map(session -> section(s -> s.text(markdownText(
                Text.cut(line(session, zone), Text.MAX_TEXT))))).toList();
    }
}
