package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.teams.card.HelpCard;
import dev.licensebot.teams.identity.Requester;

/** "help" and anything not understood: what this person can ask for. */
public final class HelpHandler implements RequestHandler<LicenseRequest.Help> {

    @Override
    public ObjectNode answer(Requester who, LicenseRequest.Help request) {
        return HelpCard.of(request.unknownWords(), who.actor());
    }
}
