package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.identity.Requester;

/** Answers one card button with the card that replaces the one it was pressed on. */
@FunctionalInterface
public interface CardActionHandler {

    ObjectNode act(Requester who, ActionData data);
}
