package dev.licensebot.server.console;

import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.time.TenantTime;

import java.util.stream.Collectors;

/**
 * `active [sort …] [asc|desc] [page N]`: the Active Agents list with the session ids, since at the
 * console one terminates by typing them rather than ticking rows.
 */
final class ActiveAgentsText {

    private ActiveAgentsText() {
    }

    /** The list, or why there is none, and how to turn its pages and end sessions from here. */
    static Reply reply(ActiveSessions.View view, boolean mayTerminate) {
        Pager pager = new Pager(view.sessions(), p -> new LicenseRequest.Active(view.sort(), view.order(), p));
        return Reply.paged(render(view, pager, mayTerminate), pager);
    }

    private static String render(ActiveSessions.View view, Pager pager, boolean mayTerminate) {
        String asOf = "as of " + TenantTime.timeWithZone(view.asOf(), view.zone());
        if (view.noneConnected()) {
            return new Lines().add(ActiveSessions.NONE_CONNECTED).add("(" + asOf + ")").toString();
        }
        Page<AgentSession> page = view.sessions();
        Lines lines = new Lines().add("Active agents · " + page.totalRows() + " connected · sorted by "
                + view.sort().describe(view.order()) + pager.inHeading() + " · times in "
                + view.zone().getId() + " · " + asOf);
        if (page.isEmpty()) {
            return lines.add(pager.nothingHere()).toString();
        }
        TextTable table = TextTable.of("Session", "Agent", "Since", "Open interactions", "#").rightAlign(4);
        for (AgentSession s : page.rows()) {
            table.row(s.id(), s.displayName(), TenantTime.since(s.startedAt(), view.asOf(), view.zone()),
                    interactions(s), s.openInteractionCount());
        }
        return lines.add(table.render()).add(pager.hint())
                .add(mayTerminate ? "To end sessions: terminate ID…" : "").toString();
    }

    /** "Chat ×2, Email": the names, which are what a terminal has room for. */
    static String interactions(AgentSession session) {
        return session.openInteractions().stream().map(OpenInteraction::label).collect(Collectors.joining(", "));
    }
}
