package dev.licensebot.core.replenish;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplenishmentsTest {

    @OnBothDatabases
    void anAdvancedAdminAddsLicensesAfterConfirming(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(25, 10);
        Actor admin = t.operator(tenant, Role.ADVANCED_ADMIN);

        ReplenishPlan plan = t.core().replenishments().request(tenant, admin, Pool.SESSION, 10, " PO 4711 ");
        assertEquals("Add 10 session licenses (25 → 35). Reason: PO 4711.", plan.summary());
        assertEquals(25, t.core().tenants().total(tenant.id(), Pool.SESSION), "nothing changes before Confirm");

        Replenishment done = t.core().replenishments().confirm(tenant, admin, plan.confirmation().id());

        assertEquals(35, done.totalAfter());
        assertEquals(35, t.core().tenants().total(tenant.id(), Pool.SESSION));
        assertEquals("PO 4711", done.reason());
        assertEquals(admin.name(), done.actor());
        assertEquals("total now 35", t.core().audit().recent(tenant.id(), 1).get(0).outcome());
    }

    @OnBothDatabases
    void aRemovalBelowTheLicensesInUseIsRefused(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        for (String name : new String[] {"ann", "bob"}) {
            t.core().sessionLicenses().open(tenant, SessionReport.live(null, name, "Slack"));
        }
        Actor admin = t.operator(tenant, Role.ADVANCED_ADMIN);

        Refusal refused = assertThrows(Refusal.class,
                () -> t.core().replenishments().request(tenant, admin, Pool.SESSION, -2, null));

        assertEquals("below_in_use", refused.code());
        assertEquals("Removing 2 session licenses would leave 1, but 2 are in use now. Free some first, or remove fewer.",
                refused.userMessage());
        assertEquals(3, t.core().tenants().total(tenant.id(), Pool.SESSION));
        assertEquals(2, t.core().replenishments().request(tenant, admin, Pool.SESSION, -1, null).totalAfter());
    }

    @OnBothDatabases
    void aRemovalThatBecameTooLargeBeforeConfirmIsRefusedThen(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 0);
        Actor admin = t.operator(tenant, Role.ADVANCED_ADMIN);
        ReplenishPlan plan = t.core().replenishments().request(tenant, admin, Pool.SESSION, -1, null);
        t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack"));
        t.core().sessionLicenses().open(tenant, SessionReport.live(null, "bob", "Slack"));

        Refusal refused = assertThrows(Refusal.class,
                () -> t.core().replenishments().confirm(tenant, admin, plan.confirmation().id()));

        assertEquals("below_in_use", refused.code());
        assertEquals(2, t.core().tenants().total(tenant.id(), Pool.SESSION));
    }

    @OnBothDatabases
    void removingMoreThanThePoolHoldsIsRefusedSayingHowManyThereAre(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 0);

        Refusal refused = assertThrows(Refusal.class, () -> t.core().replenishments()
                .apply(tenant, Actor.cli(tenant.id()), Pool.SESSION, -10, null));

        assertEquals("The session pool has only 5 licenses; you cannot remove 10.", refused.userMessage());
        assertEquals(5, t.core().tenants().total(tenant.id(), Pool.SESSION));
    }

    @OnBothDatabases
    void anAccountAdminMayNotReplenish(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 0);

        Refusal refused = assertThrows(Refusal.class, () -> t.core().replenishments()
                .request(tenant, t.operator(tenant, Role.ACCOUNT_ADMIN), Pool.USER, 5, null));

        assertEquals(Refusal.Kind.NOT_PERMITTED, refused.kind());
    }

    @OnBothDatabases
    void zeroAndHugeChangesAreRefused(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 0);
        Actor cli = Actor.cli(tenant.id());

        assertEquals("invalid_delta", assertThrows(Refusal.class,
                () -> t.core().replenishments().apply(tenant, cli, Pool.USER, 0, null)).code());
        assertEquals("invalid_delta", assertThrows(Refusal.class,
                () -> t.core().replenishments().apply(tenant, cli, Pool.USER, Integer.MAX_VALUE, null)).code());
        assertEquals("invalid_delta", assertThrows(Refusal.class,
                () -> t.core().replenishments().apply(tenant, cli, Pool.USER, Integer.MIN_VALUE, null)).code());
        assertEquals(0, t.core().tenants().total(tenant.id(), Pool.USER));
    }

    @OnBothDatabases
    void theCliAppliesAtOnceAndIsAudited(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 0);

        Replenishment done = t.core().replenishments().apply(tenant, Actor.cli(tenant.id()), Pool.USER, 7, "trial");

        assertEquals(7, done.totalAfter());
        var entry = t.core().audit().recent(tenant.id(), 1).get(0);
        assertEquals("CLI", entry.surface().name());
        assertTrue(entry.detail().contains("+7 user licenses"));
    }
}
