package dev.licensebot.server.cli;

import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CliOperatorTest {

    @OnBothDatabases
    void operatorGrantGivesTheEmailItsRole(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);

        CliHarness.Result result = CliHarness.run(db.settings(), t.clock(), "operator", "grant",
                "--tenant", tenant.id(), "--email", "Ann@Example.com", "--role", "ACCOUNT_ADMIN");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(Role.ACCOUNT_ADMIN,
                t.core().operators().resolve(tenant.id(), "ann@example.com", Surface.SLACK).role());
    }

    @OnBothDatabases
    void aSecondGrantReplacesTheRole(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        CliHarness.run(db.settings(), t.clock(), "operator", "grant", "--tenant", tenant.id(),
                "--email", "bob@example.com", "--role", "ADVANCED_ADMIN");

        CliHarness.Result result = CliHarness.run(db.settings(), t.clock(), "operator", "grant",
                "--tenant", tenant.id(), "--email", "bob@example.com", "--role", "supervisor");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(Role.SUPERVISOR, t.core().operators().resolve(tenant.id(), "bob@example.com", Surface.TEAMS).role());
    }

    @OnBothDatabases
    void grantingInAnUnknownTenantExitsTwoAndNamesTheTenant(TestDatabase db) {
        CliHarness.Result result = CliHarness.run(db.settings(), TestCore.on(db).clock(), "operator", "grant",
                "--tenant", "no-such-tenant", "--email", "ann@example.com", "--role", "AGENT");

        assertEquals(2, result.exitCode());
        assertEquals("licensebot: There is no tenant no-such-tenant.", result.err().strip());
    }
}
