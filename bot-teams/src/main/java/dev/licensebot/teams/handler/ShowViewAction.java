package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.ViewData;
import dev.licensebot.teams.identity.Requester;

/**
 * The buttons that show a view (usage, the active list with a sort or page, a history page,
 * help, Refresh, and the refresh block): the same handlers as the typed words answer them.
 */
public final class ShowViewAction implements CardActionHandler {

    private final RequestHandlers requests;

    public ShowViewAction(RequestHandlers requests) {
        this.requests = requests;
    }

    @Override
    public ObjectNode act(Requester who, ActionData data) {
        return requests.answer(who, ViewData.request(data)
                .orElseThrow(() -> new IllegalArgumentException("Not a view: " + data.verb())));
    }
}
