package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.TerminationCards;
import dev.licensebot.teams.identity.Requester;

/** Confirm on a terminate confirmation: the core's single-use confirmation, then the outcome. */
public final class ConfirmTerminationAction implements CardActionHandler {

    private final LicenseCore core;

    public ConfirmTerminationAction(LicenseCore core) {
        this.core = core;
    }

    @Override
    public ObjectNode act(Requester who, ActionData data) {
        return TerminationCards.outcome(core.terminations().confirm(who.tenant(), who.actor(),
                ConfirmationIds.id(data)), who.tenant().zone());
    }
}
