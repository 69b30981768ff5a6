package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.teams.card.ReplenishCards;
import dev.licensebot.teams.identity.Requester;

/** "replenish 10 session licenses because …": the confirmation card with the totals. */
public final class ReplenishHandler implements RequestHandler<LicenseRequest.Replenish> {

    private final LicenseCore core;

    public ReplenishHandler(LicenseCore core) {
        this.core = core;
    }

    @Override
    public ObjectNode answer(Requester who, LicenseRequest.Replenish request) {
        return ReplenishCards.confirmation(core.replenishments().request(who.tenant(), who.actor(), request.pool(),
                request.delta(), request.reason()), who.tenant().zone());
    }
}
