package dev.licensebot.server.cli;

import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliReplenishTest {

    @OnBothDatabases
    void addingLicensesRaisesTheTotalAndSaysSo(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);

        CliHarness.Result result = CliHarness.run(db.settings(), t.clock(), "replenish", "--tenant", tenant.id(),
                "--pool", "SESSION", "--delta", "+10", "--reason", "PO 4711");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("SESSION licenses +10: the total is now 15.", result.out().strip());
        assertEquals(15, t.core().tenants().total(tenant.id(), Pool.SESSION));
    }

    @OnBothDatabases
    void removingLicensesThatAreFreeLowersTheTotal(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);

        CliHarness.Result result = CliHarness.run(db.settings(), t.clock(), "replenish", "--tenant", tenant.id(),
                "--pool", "user", "--delta", "-2");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(3, t.core().tenants().total(tenant.id(), Pool.USER));
    }

    @OnBothDatabases
    void removingBelowTheLicensesInUseIsRefusedWithExitTwoAndTheReason(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 3);
        t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack"));
        t.core().sessionLicenses().open(tenant, SessionReport.live(null, "bob", "Slack"));

        CliHarness.Result result = CliHarness.run(db.settings(), t.clock(), "replenish", "--tenant", tenant.id(),
                "--pool", "SESSION", "--delta", "-2", "--reason", "too many");

        assertEquals(2, result.exitCode());
        assertEquals(1, result.errLines().size(), result::toString);
        assertTrue(result.err().contains("2 are in use"), result.err());
        assertEquals("", result.out());
        assertEquals(3, t.core().tenants().total(tenant.id(), Pool.SESSION));
    }
}
