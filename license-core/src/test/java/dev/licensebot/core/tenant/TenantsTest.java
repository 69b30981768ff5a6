package dev.licensebot.core.tenant;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantsTest {

    @OnBothDatabases
    void aNewTenantIsFoundByItsApiKeyAndNothingElse(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenants tenants = t.core().tenants();

        Tenants.CreatedTenant created = tenants.create(new Tenants.NewTenant("Acme", "America/New_York", 10, 5, null));

        assertEquals(created.tenant().id(), tenants.findByApiKey(created.apiKey()).orElseThrow().id());
        assertEquals(Tenant.DEFAULT_SESSION_TIMEOUT, created.tenant().sessionTimeout());
        assertTrue(tenants.findByApiKey(created.apiKey() + "x").isEmpty());
        assertTrue(tenants.findByApiKey("").isEmpty());
        String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT api_key_hash FROM tenant WHERE id = :id")
                .bind("id", created.tenant().id()).mapTo(String.class).one());
        assertNotEquals(created.apiKey(), stored, "only the hash is stored");
    }

    @OnBothDatabases
    void anApiKeyAuthenticatesItsTenantAgainAndAWrongOneNever(TestDatabase db) {
        Tenants tenants = TestCore.on(db).core().tenants();
        Tenants.CreatedTenant created = tenants.create(new Tenants.NewTenant("Acme", "UTC", 10, 5, null));

        for (int call = 0; call < 2; call++) {
            assertEquals(created.tenant().id(), tenants.authenticate(" " + created.apiKey() + " ").orElseThrow().id());
            assertTrue(tenants.authenticate(created.apiKey() + "x").isEmpty());
            assertTrue(tenants.authenticate(" ").isEmpty());
            assertTrue(tenants.authenticate(null).isEmpty());
        }
    }

    /** A Slack team id of the tenant's own, so tests on one database never share a workspace. */
    private static String teamOf(Tenant tenant) {
        return "T" + tenant.id().substring(0, 8);
    }

    @OnBothDatabases
    void aWorkspaceLinkedAgainMovesToTheNewTenant(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant first = t.tenant(1, 1);
        Tenant second = t.tenant(1, 1);
        String team = teamOf(first);

        t.core().tenants().linkSlackTeam(first.id(), team);
        t.core().tenants().linkSlackTeam(second.id(), team);
        t.core().tenants().linkTeamsTenant(first.id(), "entra-" + first.id());

        assertEquals(second.id(), t.core().tenants().findBySlackTeam(team).orElseThrow().id());
        assertEquals(first.id(), t.core().tenants().findByTeamsTenant("entra-" + first.id()).orElseThrow().id());
    }

    @OnBothDatabases
    void aWorkspaceMovedOnThisNodeIsServedFromItsNewTenantAtOnce(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant first = t.tenant(1, 1);
        Tenant second = t.tenant(1, 1);
        String team = teamOf(first);
        String entra = "entra-" + first.id();
        t.core().tenants().linkSlackTeam(first.id(), team);
        t.core().tenants().linkTeamsTenant(first.id(), entra);
        assertEquals(first.id(), t.core().tenants().linkedSlackTeam(team).orElseThrow().id());
        assertEquals(first.id(), t.core().tenants().linkedTeamsTenant(entra).orElseThrow().id());

        t.core().tenants().linkSlackTeam(second.id(), team);
        t.core().tenants().linkTeamsTenant(second.id(), entra);

        assertEquals(second.id(), t.core().tenants().linkedSlackTeam(team).orElseThrow().id());
        assertEquals(second.id(), t.core().tenants().linkedTeamsTenant(entra).orElseThrow().id());
    }

    @OnBothDatabases
    void aWorkspaceMovedByAnotherNodeIsStillServedFromTheTenantThisNodeRemembers(TestDatabase db) {
        TestCore here = TestCore.on(db);
        TestCore elsewhere = TestCore.on(db);
        Tenant first = here.tenant(1, 1);
        Tenant second = here.tenant(1, 1);
        String team = teamOf(first);
        here.core().tenants().linkSlackTeam(first.id(), team);
        here.core().tenants().linkedSlackTeam(team);

        elsewhere.core().tenants().linkSlackTeam(second.id(), team);

        assertEquals(first.id(), here.core().tenants().linkedSlackTeam(team).orElseThrow().id(),
                "for up to RecentTenants.TTL (RecentTenantsTest)");
        assertEquals(second.id(), here.core().tenants().findBySlackTeam(team).orElseThrow().id());
    }

    @OnBothDatabases
    void aWorkspaceNotLinkedYetIsNotRememberedAsSuch(TestDatabase db) {
        TestCore here = TestCore.on(db);
        TestCore elsewhere = TestCore.on(db);
        Tenant tenant = here.tenant(1, 1);
        String team = teamOf(tenant);
        assertTrue(here.core().tenants().linkedSlackTeam(team).isEmpty());

        elsewhere.core().tenants().linkSlackTeam(tenant.id(), team);

        assertEquals(tenant.id(), here.core().tenants().linkedSlackTeam(team).orElseThrow().id());
    }

    @OnBothDatabases
    void badTenantSettingsAreRefusedByName(TestDatabase db) {
        Tenants tenants = TestCore.on(db).core().tenants();

        assertEquals("invalid_timezone", assertThrows(Refusal.class, () -> tenants.create(
                new Tenants.NewTenant("X", "Mars/Olympus", 1, 1, null))).code());
        assertEquals("invalid_sessionLicenses", assertThrows(Refusal.class, () -> tenants.create(
                new Tenants.NewTenant("X", "UTC", -1, 1, null))).code());
        assertEquals("invalid_sessionTimeout", assertThrows(Refusal.class, () -> tenants.create(
                new Tenants.NewTenant("X", "UTC", 1, 1, Duration.ofSeconds(1)))).code());
        assertEquals("invalid_name", assertThrows(Refusal.class, () -> tenants.create(
                new Tenants.NewTenant(" ", "UTC", 1, 1, null))).code());
    }
}
