package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.history.HistoryTables;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.SessionSort;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.teams.identity.Requester;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Active Agents list: one row per open session with a tick box, sort buttons, paging,
 * Terminate selected and Refresh. Every button carries the sort and page in force, so each answer
 * shows the same view again, brought up to date.
 */
public final class ActiveAgentsCard {

    public static final String NONE_CONNECTED = ActiveSessions.NONE_CONNECTED;
    static final int NAME_LENGTH = 60;
    static final int INTERACTIONS_LENGTH = 240;

    private ActiveAgentsCard() {
    }

    /** {@code notice}, when not null, is shown above the list (e.g. "tick an agent first"). */
    public static ObjectNode of(ActiveSessions.View view, Requester who, String notice) {
        Page<AgentSession> page = view.sessions();
        ActionData current = ViewData.active(view.sort(), view.order(), page.page());
        AdaptiveCard card = AdaptiveCard.titled("Active agents")
                .add(Elements.heading("Active agents"))
                .refresh(current, who.teamsUserId());
        if (notice != null) {
            card.add(Elements.attention(notice));
        }
        if (view.noneConnected()) {
            return card.add(Elements.text(NONE_CONNECTED))
                    .add(Elements.subtle("As of " + TenantTime.timeWithZone(view.asOf(), view.zone())))
                    .action(Actions.execute("Refresh", current)).build();
        }
        card.add(Elements.subtle(Text.count(page.totalRows(), "agent", "agents") + " connected · sorted by "
                        + view.sort().label() + " " + order(view.order()) + " · " + Paging.position(page)
                        + " · as of " + TenantTime.timeWithZone(view.asOf(), view.zone())))
                .add(Elements.actionSet(sortButtons(view)))
                .add(header());
        for (int i = 0; i < page.rows().size(); i++) {
            card.add(row(i, page.rows().get(i), view));
        }
        List<ObjectNode> paging = Paging.buttons(page, p -> ViewData.active(view.sort(), view.order(), p));
        if (!paging.isEmpty()) {
            card.add(Elements.actionSet(paging));
        }
        return card.action(Actions.styled("destructive", "Terminate selected", terminateSelected(view)))
                .action(Actions.execute("Refresh", current))
                .build();
    }

    /** The button of the sort in force flips its order; the others start ascending. */
    private static List<ObjectNode> sortButtons(ActiveSessions.View view) {
        List<ObjectNode> buttons = new ArrayList<>();
        for (SessionSort sort : SessionSort.values()) {
            boolean current = sort == view.sort();
            SortOrder next = current && view.order() == SortOrder.ASC ? SortOrder.DESC : SortOrder.ASC;
            String title = "Sort by " + sort.label() + (current ? (view.order() == SortOrder.ASC ? " ▲" : " ▼") : "");
            buttons.add(Actions.execute(title, ViewData.active(sort, next, 1)));
        }
        return buttons;
    }

    private static ObjectNode header() {
        return Elements.columns(List.of(
                Elements.column("3", List.of(Elements.text("**Agent**"))),
                Elements.column("2", List.of(Elements.text("**Since**"))),
                Elements.column("5", List.of(Elements.text("**Open interactions**")))));
    }

    private static ObjectNode row(int index, AgentSession session, ActiveSessions.View view) {
        return Elements.separated(Elements.columns(List.of(
                Elements.column("3", List.of(Elements.toggle(Param.SELECT.wire() + index,
                        Text.cut(session.displayName(), NAME_LENGTH), session.id()))),
                Elements.column("2", List.of(Elements.text(
                        TenantTime.sinceWithZone(session.startedAt(), view.asOf(), view.zone())))),
                Elements.column("5", List.of(Elements.text(interactions(session)))))));
    }

    /** The core's words for them, escaped and cut so that a row stays short (a card holds 28 KB). */
    static String interactions(AgentSession session) {
        return Text.plain(HistoryTables.interactions(session), INTERACTIONS_LENGTH);
    }

    private static ActionData terminateSelected(ActiveSessions.View view) {
        return ViewData.active(view.sort(), view.order(), view.sessions().page()).as(Verb.TERMINATE_SELECTED);
    }

    private static String order(SortOrder order) {
        return order.name().toLowerCase(Locale.ROOT);
    }
}
