package dev.licensebot.teams.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.teams.card.UsageCard;
import dev.licensebot.teams.identity.Requester;

/** "usage", "licenses": both pools. */
public final class UsageHandler implements RequestHandler<LicenseRequest.Usage> {

    private final LicenseCore core;

    public UsageHandler(LicenseCore core) {
        this.core = core;
    }

    @Override
    public ObjectNode answer(Requester who, LicenseRequest.Usage request) {
        return UsageCard.of(core.usage().summary(who.tenant(), who.actor()), who);
    }
}
