package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.teams.card.TerminationCards;
import dev.licensebot.teams.identity.Requester;

/** "terminate S-123 S-124": the confirmation card, listing exactly what would end. */
public final class TerminateHandler implements RequestHandler<LicenseRequest.Terminate> {

    private final LicenseCore core;

    public TerminateHandler(LicenseCore core) {
        this.core = core;
    }

    @Override
    public ObjectNode answer(Requester who, LicenseRequest.Terminate request) {
        return TerminationCards.confirmation(core.terminations().request(who.tenant(), who.actor(),
                request.sessionIds()));
    }
}
