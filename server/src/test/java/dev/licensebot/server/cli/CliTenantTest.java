package dev.licensebot.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTenantTest {

    @OnBothDatabases
    void tenantCreatePrintsJsonWhoseApiKeyFindsTheNewTenant(TestDatabase db) throws Exception {
        TestCore t = TestCore.on(db);

        CliHarness.Result result = CliHarness.run(db.settings(), t.clock(), "tenant", "create",
                "--name", "Acme Support", "--timezone", "America/New_York",
                "--session-licenses", "25", "--user-licenses", "40");

        assertEquals(0, result.exitCode(), result::toString);
        JsonNode json = new ObjectMapper().readTree(result.out());
        Tenant tenant = t.core().tenants().findByApiKey(json.get("apiKey").asText()).orElseThrow();
        assertEquals(json.get("tenantId").asText(), tenant.id());
        assertEquals("Acme Support", tenant.name());
        assertEquals(ZoneId.of("America/New_York"), tenant.zone());
        assertEquals(Duration.ofMinutes(30), tenant.sessionTimeout());
        assertEquals(25, t.core().tenants().total(tenant.id(), Pool.SESSION));
        assertEquals(40, t.core().tenants().total(tenant.id(), Pool.USER));
    }

    @OnBothDatabases
    void theSessionTimeoutOptionSetsTheTenantsTimeout(TestDatabase db) throws Exception {
        TestCore t = TestCore.on(db);

        CliHarness.Result result = CliHarness.run(db.settings(), t.clock(), "tenant", "create", "--name", "Acme",
                "--timezone", "Europe/Berlin", "--session-licenses", "1", "--user-licenses", "1",
                "--session-timeout", "2h");

        assertEquals(0, result.exitCode(), result::toString);
        String tenantId = new ObjectMapper().readTree(result.out()).get("tenantId").asText();
        assertEquals(Duration.ofHours(2), t.core().tenants().require(tenantId).sessionTimeout());
    }

    @OnBothDatabases
    void aTimeoutTheCoreRefusesExitsTwoWithItsReason(TestDatabase db) {
        CliHarness.Result result = CliHarness.run(db.settings(), TestCore.on(db).clock(), "tenant", "create",
                "--name", "Acme", "--timezone", "Europe/Berlin", "--session-licenses", "1", "--user-licenses", "1",
                "--session-timeout", "5s");

        assertEquals(2, result.exitCode());
        assertEquals("licensebot: The session timeout must be between 10 seconds and 7 days.", result.err().strip());
    }

    @OnBothDatabases
    void linkSlackLinksTheWorkspaceAndASecondLinkMovesIt(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant first = t.tenant(1, 1);
        Tenant second = t.tenant(1, 1);
        String team = "T" + UUID.randomUUID().toString().substring(0, 8);

        CliHarness.Result linked = CliHarness.run(db.settings(), t.clock(), "tenant", "link-slack",
                "--tenant", first.id(), "--team", team);
        assertEquals(0, linked.exitCode(), linked::toString);
        assertEquals(first.id(), t.core().tenants().findBySlackTeam(team).orElseThrow().id());

        CliHarness.Result moved = CliHarness.run(db.settings(), t.clock(), "tenant", "link-slack",
                "--tenant", second.id(), "--team", team);
        assertEquals(0, moved.exitCode(), moved::toString);
        assertEquals(second.id(), t.core().tenants().findBySlackTeam(team).orElseThrow().id());
        assertTrue(moved.out().contains(team), moved.out());
    }

    @OnBothDatabases
    void linkTeamsLinksTheEntraTenantAndASecondLinkMovesIt(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant first = t.tenant(1, 1);
        Tenant second = t.tenant(1, 1);
        String entra = UUID.randomUUID().toString();

        CliHarness.Result linked = CliHarness.run(db.settings(), t.clock(), "tenant", "link-teams",
                "--tenant", first.id(), "--entra-tenant", entra);
        assertEquals(0, linked.exitCode(), linked::toString);
        assertEquals(first.id(), t.core().tenants().findByTeamsTenant(entra).orElseThrow().id());

        CliHarness.Result moved = CliHarness.run(db.settings(), t.clock(), "tenant", "link-teams",
                "--tenant", second.id(), "--entra-tenant", entra);
        assertEquals(0, moved.exitCode(), moved::toString);
        assertEquals(second.id(), t.core().tenants().findByTeamsTenant(entra).orElseThrow().id());
    }
}
