package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.teams.card.ActiveAgentsCard;
import dev.licensebot.teams.identity.Requester;

/** "active agents", "who is online", and the list's sort, paging and Refresh buttons. */
public final class ActiveAgentsHandler implements RequestHandler<LicenseRequest.Active> {

    private final LicenseCore core;

    public ActiveAgentsHandler(LicenseCore core) {
        this.core = core;
    }

    @Override
    public ObjectNode answer(Requester who, LicenseRequest.Active request) {
        return ActiveAgentsCard.of(view(who, request), who, null);
    }

    /** The list as asked for, with {@code notice} above it (null: none). */
    ObjectNode answer(Requester who, LicenseRequest.Active request, String notice) {
        return ActiveAgentsCard.of(view(who, request), who, notice);
    }

    private ActiveSessions.View view(Requester who, LicenseRequest.Active request) {
        return core.activeSessions().list(who.tenant(), who.actor(),
                new ActiveSessions.Query(request.sort(), request.order(), PageRequest.of(request.page())));
    }
}
