package dev.licensebot.core.conversation;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.tenant.Tenant;

/** Who asks, resolved by the surface they ask from: the tenant they act for and their role there. */
public record Caller(Tenant tenant, Actor actor) {
}
