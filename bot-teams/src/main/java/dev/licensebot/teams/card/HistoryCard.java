package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.conversation.LicenseRequest.HistoryKind;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.teams.identity.Requester;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The frame every history shares: title, what is shown (since, page, newest first, the zone),
 * the rows, paging, the other histories and Refresh.
 */
public final class HistoryCard {

    private HistoryCard() {
    }

    public static ObjectNode of(HistoryKind kind, HistoryView<?> view, List<ObjectNode> rows, Requester who) {
        ActionData current = ViewData.history(kind, view.since(), view.rows().page());
        AdaptiveCard card = AdaptiveCard.titled(title(kind))
                .add(Elements.heading(title(kind)))
                .add(Elements.subtle(scope(view)))
                .refresh(current, who.teamsUserId());
        if (view.isEmpty()) {
            card.add(Elements.text(view.since() == null ? "Nothing here yet."
                    : "Nothing since " + TenantTime.date(view.since()) + "."));
        } else {
            card.addAll(rows);
        }
        List<ObjectNode> paging = Paging.buttons(view.rows(), p -> ViewData.history(kind, view.since(), p));
        if (!paging.isEmpty()) {
            card.add(Elements.actionSet(paging));
        }
        return card.actions(otherHistories(kind)).action(Actions.execute("Refresh", current)).build();
    }

    /** "A conversation count links to the platform's Conversation History when one is configured." */
    static String conversations(int count, Optional<String> link) {
        return link.map(url -> "[" + count + "](" + url + ")").orElse(String.valueOf(count));
    }

    static String title(HistoryKind kind) {
        return kind.title();
    }

    private static String scope(HistoryView<?> view) {
        String since = view.since() == null ? "" : " since " + TenantTime.date(view.since());
        return Text.count(view.rows().totalRows(), "entry", "entries") + since + " · newest first · "
                + Paging.position(view.rows()) + " · times in " + view.zone().getId();
    }

    private static List<ObjectNode> otherHistories(HistoryKind shown) {
        List<ObjectNode> buttons = new ArrayList<>();
        for (HistoryKind kind : HistoryKind.values()) {
            if (kind != shown) {
                buttons.add(Actions.execute(title(kind), ViewData.history(kind, null, 1)));
            }
        }
        return buttons;
    }
}
