package dev.licensebot.core.users;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserLicensesTest {

    private static UserReport user(String id) {
        return new UserReport(id, id, id + "@example.com", "First", "Last", "agent", null);
    }

    @OnBothDatabases
    void enablingAUserTakesALicenseUntilTheyAreDisabled(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(0, 1);
        UserLicenses users = t.core().userLicenses();

        assertTrue(users.allocate(tenant, user("u1")).created());
        assertEquals("no_license_available", assertThrows(Refusal.class, () -> users.allocate(tenant, user("u2"))).code());
        t.clock().advance(Duration.ofHours(1));
        PlatformUser released = users.deactivate(tenant, "u1");

        assertEquals(UserStatus.INACTIVE, released.status());
        assertEquals(t.clock().instant(), released.statusChangedAt(), "created on is the last (de)allocation");
        assertTrue(users.allocate(tenant, user("u2")).created());
    }

    @OnBothDatabases
    void enablingAnActiveUserAgainTakesNothingMore(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(0, 1);
        t.core().userLicenses().allocate(tenant, user("u1"));

        UserLicenses.Allocated again = t.core().userLicenses().allocate(tenant,
                new UserReport("u1", "u1", "new@example.com", "F", "L", "supervisor", 12));

        assertFalse(again.created());
        assertEquals("new@example.com", again.user().email());
        assertEquals(12, t.core().userLicenses().find(tenant, "u1").orElseThrow().conversations());
    }

    @OnBothDatabases
    void deactivatingTwiceOrAnUnknownUserChangesNothing(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(0, 2);
        t.core().userLicenses().allocate(tenant, user("u1"));
        PlatformUser first = t.core().userLicenses().deactivate(tenant, "u1");
        t.clock().advance(Duration.ofMinutes(5));

        PlatformUser second = t.core().userLicenses().deactivate(tenant, "u1");

        assertEquals(first.statusChangedAt(), second.statusChangedAt());
        assertEquals("user_not_found", assertThrows(Refusal.class,
                () -> t.core().userLicenses().deactivate(tenant, "ghost")).code());
        Integer openPeriods = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM user_license_period WHERE tenant_id = :t AND released_at IS NULL")
                .bind("t", tenant.id()).mapTo(Integer.class).one());
        assertEquals(0, openPeriods);
    }

    @OnBothDatabases
    void badUserIdsAreRefusedByName(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(0, 2);

        assertEquals("invalid_userId", assertThrows(Refusal.class,
                () -> t.core().userLicenses().allocate(tenant, user("has space"))).code());
        assertEquals("invalid_conversations", assertThrows(Refusal.class, () -> t.core().userLicenses()
                .allocate(tenant, new UserReport("u1", null, null, null, null, null, -1))).code());
    }
}
