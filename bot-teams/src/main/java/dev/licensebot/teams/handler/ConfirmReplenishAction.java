package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.ReplenishCards;
import dev.licensebot.teams.identity.Requester;

/** Confirm on a replenish confirmation: the new total, and who changed it. */
public final class ConfirmReplenishAction implements CardActionHandler {

    private final LicenseCore core;

    public ConfirmReplenishAction(LicenseCore core) {
        this.core = core;
    }

    @Override
    public ObjectNode act(Requester who, ActionData data) {
        return ReplenishCards.outcome(core.replenishments().confirm(who.tenant(), who.actor(),
                ConfirmationIds.id(data)), who.tenant().zone());
    }
}
