package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.teams.identity.Requester;

/** Answers one kind of request, typed or sent by a button, with the card to show. */
@FunctionalInterface
public interface RequestHandler<R extends LicenseRequest> {

    ObjectNode answer(Requester who, R request);
}
