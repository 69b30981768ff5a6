package dev.licensebot.core.usage;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.tenant.Tenant;

/** An actor only ever reads its own tenant, whatever an adapter passes in by mistake. */
public final class TenantScope {

    private TenantScope() {
    }

    public static void require(Tenant tenant, Actor actor) {
        if (!tenant.id().equals(actor.tenantId())) {
            throw new Refusal(Refusal.Kind.NOT_PERMITTED, "not_permitted",
                    "You can only see the account you belong to.");
        }
    }
}
