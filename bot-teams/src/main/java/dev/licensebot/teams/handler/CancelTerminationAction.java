package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.TerminationCards;
import dev.licensebot.teams.identity.Requester;

/** Cancel on a terminate confirmation: used up, so a later Confirm does nothing. */
public final class CancelTerminationAction implements CardActionHandler {

    private final LicenseCore core;

    public CancelTerminationAction(LicenseCore core) {
        this.core = core;
    }

    @Override
    public ObjectNode act(Requester who, ActionData data) {
        core.terminations().cancel(who.tenant(), who.actor(), ConfirmationIds.id(data));
        return TerminationCards.cancelled(who.actor().name());
    }
}
