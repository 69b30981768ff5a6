package dev.licensebot.teams.identity;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.conversation.Caller;
import dev.licensebot.core.tenant.Tenant;

/**
 * Who asks, resolved: the core tenant and operator, and the Teams user id (for the card's
 * refresh block, which Teams runs only for the users it names).
 */
public record Requester(Tenant tenant, Actor actor, String teamsUserId) {

    /** Who asks, as the core's conversation knows them. */
    public Caller caller() {
        return new Caller(tenant, actor);
    }
}
