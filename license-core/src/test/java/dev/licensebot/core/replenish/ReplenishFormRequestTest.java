package dev.licensebot.core.replenish;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replenishment as typed into a form: amount and pool arrive as text. */
class ReplenishFormRequestTest {

    @Test
    void amountsAreWholeNumbersWithAnOptionalSign() {
        assertEquals(5, ReplenishAmount.parse("+5"));
        assertEquals(-3, ReplenishAmount.parse(" -3 "));
        assertEquals(12, ReplenishAmount.parse("12"));
    }

    @Test
    void anythingElseIsRefusedNamingTheAmount() {
        for (String bad : new String[] {null, " ", "ten", "1.5", "99999999999999"}) {
            Refusal refused = assertThrows(Refusal.class, () -> ReplenishAmount.parse(bad), String.valueOf(bad));
            assertEquals("delta", refused.field());
        }
        assertEquals("\"ten\" is not a whole number; give the change such as 10 or -5.",
                assertThrows(Refusal.class, () -> ReplenishAmount.parse("ten")).userMessage());
    }

    @OnBothDatabases
    void aFormRequestIsPlannedLikeATypedOne(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(20, 10);
        Actor admin = t.operator(tenant, Role.ADVANCED_ADMIN);

        ReplenishPlan plan = t.core().replenishments().request(tenant, admin, "user", "+5", "");

        assertEquals("Add 5 user licenses (10 → 15).", plan.summary());
        assertEquals(10, t.core().tenants().total(tenant.id(), Pool.USER));
    }

    @OnBothDatabases
    void aMissingPoolAndAZeroAmountAreRefusedNamingTheirFields(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(20, 10);
        Actor admin = t.operator(tenant, Role.ADVANCED_ADMIN);

        assertEquals("pool", assertThrows(Refusal.class,
                () -> t.core().replenishments().request(tenant, admin, null, "5", null)).field());
        assertEquals("delta", assertThrows(Refusal.class,
                () -> t.core().replenishments().request(tenant, admin, "session", "0", null)).field());
    }

    @OnBothDatabases
    void someoneWhoMayNotReplenishHearsThatBeforeAnyRemarkOnTheirInput(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(20, 10);
        Actor accountAdmin = t.operator(tenant, Role.ACCOUNT_ADMIN);

        Refusal refused = assertThrows(Refusal.class,
                () -> t.core().replenishments().request(tenant, accountAdmin, null, "ten", null));

        assertEquals(Refusal.Kind.NOT_PERMITTED, refused.kind());
        assertTrue(refused.userMessage().startsWith("Only an advanced admin or higher can replenish licenses"),
                refused.userMessage());
    }

    @OnBothDatabases
    void aFormKnowsWhichOfItsInputsARefusalIsAboutAndWhenNoneIs(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(20, 10);
        Actor admin = t.operator(tenant, Role.ADVANCED_ADMIN);
        Actor supervisor = t.operator(tenant, Role.SUPERVISOR);

        assertEquals(Optional.of(ReplenishField.POOL), ReplenishField.of(assertThrows(Refusal.class,
                () -> t.core().replenishments().request(tenant, admin, " ", "5", null))));
        assertEquals(Optional.of(ReplenishField.AMOUNT), ReplenishField.of(assertThrows(Refusal.class,
                () -> t.core().replenishments().request(tenant, admin, "user", "-11", null))));
        assertEquals(Optional.of(ReplenishField.REASON), ReplenishField.of(assertThrows(Refusal.class,
                () -> t.core().replenishments().request(tenant, admin, "user", "5", "x".repeat(501)))));
        assertEquals(Optional.empty(), ReplenishField.of(assertThrows(Refusal.class,
                () -> t.core().replenishments().request(tenant, supervisor, "user", "5", null))));
    }
}
