package dev.licensebot.slack.identity;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.tenant.Tenant;

/** Who is asking: the tenant their workspace is linked to, and the operator they are in it. */
public record Asker(Tenant tenant, Actor actor) {
}
