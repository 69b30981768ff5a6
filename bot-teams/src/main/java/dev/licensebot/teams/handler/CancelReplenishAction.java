package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.teams.card.ActionData;
import dev.licensebot.teams.card.ReplenishCards;
import dev.licensebot.teams.identity.Requester;

/** Cancel on a replenish confirmation. */
public final class CancelReplenishAction implements CardActionHandler {

    private final LicenseCore core;

    public CancelReplenishAction(LicenseCore core) {
        this.core = core;
    }

    @Override
    public ObjectNode act(Requester who, ActionData data) {
        core.replenishments().cancel(who.tenant(), who.actor(), ConfirmationIds.id(data));
        return ReplenishCards.cancelled(who.actor().name());
    }
}
