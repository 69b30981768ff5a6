package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.conversation.ConversationLinks;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.history.HistoryQuery;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.teams.card.HistoryCard;
import dev.licensebot.teams.card.PurchaseHistoryRows;
import dev.licensebot.teams.card.SessionHistoryRows;
import dev.licensebot.teams.card.UserHistoryRows;
import dev.licensebot.teams.identity.Requester;

import java.util.List;

/** "history sessions", "purchase history", …: one page of a history, and its paging buttons. */
public final class HistoryHandler implements RequestHandler<LicenseRequest.History> {

    private final LicenseCore core;
    private final ConversationLinks links;

    public HistoryHandler(LicenseCore core, ConversationLinks links) {
        this.core = core;
        this.links = links;
    }

    @Override
    public ObjectNode answer(Requester who, LicenseRequest.History request) {
        HistoryQuery query = new HistoryQuery(request.since(), PageRequest.of(request.page()));
        return switch (request.kind()) {
            case USERS -> {
                var view = core.histories().users(who.tenant(), who.actor(), query);
                yield card(request, view, UserHistoryRows.of(view, links), who);
            }
            case SESSIONS -> {
                var view = core.histories().sessions(who.tenant(), who.actor(), query);
                yield card(request, view, SessionHistoryRows.of(view, links), who);
            }
            case PURCHASES -> {
                var view = core.histories().purchases(who.tenant(), who.actor(), query);
                yield card(request, view, PurchaseHistoryRows.of(view), who);
            }
        };
    }

    private static ObjectNode card(LicenseRequest.History request, HistoryView<?> view,
                                   List<ObjectNode> rows, Requester who) {
        return HistoryCard.of(request.kind(), view, rows, who);
    }
}
