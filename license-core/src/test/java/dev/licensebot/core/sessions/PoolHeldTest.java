package dev.licensebot.core.sessions;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.PoolOccupancy;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.HeldInvariant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool's held count follows every open and close, so allocation never has to count (issue 7, B1). */
class PoolHeldTest {

    private static String open(TestCore t, Tenant tenant, String username) {
        return t.core().sessionLicenses().open(tenant, SessionReport.live(null, username, "Slack")).session().id();
    }

    private static int inUse(TestCore t, Tenant tenant) {
        return t.database().jdbi().withExtension(PoolOccupancy.class,
                o -> o.inUse(tenant.id(), Pool.SESSION, t.clock().instant()));
    }

    @OnBothDatabases
    void openingAndLoggingOutMoveTheHeldCountOneEach(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        String ann = open(t, tenant, "ann");
        open(t, tenant, "bob");
        assertEquals(2, HeldInvariant.check(db, tenant));

        t.core().sessionLicenses().logout(tenant, ann);
        t.core().sessionLicenses().logout(tenant, ann);

        assertEquals(1, HeldInvariant.check(db, tenant), "a second logout of the same session frees nothing more");
        assertEquals(1, inUse(t, tenant));
    }

    @OnBothDatabases
    void terminatingReleasesOnlyTheSessionsItClosed(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 0);
        String ann = open(t, tenant, "ann");
        String bob = open(t, tenant, "bob");
        open(t, tenant, "cy");
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        TerminationPlan plan = t.core().terminations().request(tenant, admin, List.of(ann, bob));
        t.core().sessionLicenses().logout(tenant, bob);

        t.core().terminations().confirm(tenant, admin, plan.confirmation().id());

        assertEquals(1, HeldInvariant.check(db, tenant));
    }

    @OnBothDatabases
    void theSweepReleasesLapsedSessionsOfEveryTenant(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant one = t.tenant(3, 0);
        Tenant two = t.tenant(3, 0);
        open(t, one, "ann");
        open(t, two, "bob");
        t.clock().advance(Duration.ofMinutes(20));
        open(t, two, "cy");
        assertEquals(2, inUse(t, two));
        t.clock().advance(Duration.ofMinutes(15));
        assertEquals(1, inUse(t, two), "lapsed but not yet recorded: already not in use");

        // The test database is shared by the run: other tests' lapsed sessions may be swept too.
        assertTrue(t.core().timeoutSweeper().sweep() >= 2);

        assertEquals(0, HeldInvariant.check(db, one));
        assertEquals(1, HeldInvariant.check(db, two));
        assertEquals(1, inUse(t, two), "recording the timeouts changes nothing that is in use");
    }

    @OnBothDatabases
    void aFullPoolRecordsLapsedTimeoutsAndGrantsTheirLicense(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 0);
        String ann = open(t, tenant, "ann");
        t.clock().advance(Duration.ofMinutes(20));
        open(t, tenant, "bob");
        assertThrows(Refusal.class, () -> open(t, tenant, "cy"), "full");
        Instant annExpiry = t.core().sessionLicenses().require(tenant, ann).expiresAt();
        t.clock().advance(Duration.ofMinutes(15));

        open(t, tenant, "cy");

        AgentSession lapsed = t.core().sessionLicenses().require(tenant, ann);
        assertEquals(EndReason.TIMEOUT, lapsed.endReason());
        assertEquals(annExpiry, lapsed.endedAt(), "closed at its expiry, as the lazy timeout always showed it");
        assertEquals(2, HeldInvariant.check(db, tenant));
        assertThrows(Refusal.class, () -> open(t, tenant, "dan"), "full again: bob and cy");
        assertEquals(2, HeldInvariant.check(db, tenant));
    }

    @OnBothDatabases
    void aRefusalAtAFullPoolStillRecordsTheTimeoutsItFound(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 0);
        String ann = open(t, tenant, "ann");
        t.clock().advance(Duration.ofMinutes(31));
        open(t, tenant, "bob");

        assertThrows(Refusal.class, () -> open(t, tenant, "cy"));

        assertEquals(EndReason.TIMEOUT, t.core().sessionLicenses().require(tenant, ann).endReason());
        assertEquals(1, HeldInvariant.check(db, tenant));
    }

    @OnBothDatabases
    void importingAClosedSessionHoldsNoLicense(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 0);
        Instant now = t.clock().instant();
        t.core().sessionLicenses().open(tenant, new SessionReport("old-1", StartedBy.AGENT, "ann", null, null, null,
                "Slack", List.of(), 0, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2))));

        assertEquals(0, HeldInvariant.check(db, tenant));
        open(t, tenant, "bob");
        assertEquals(1, HeldInvariant.check(db, tenant));
    }

    @OnBothDatabases
    void reopeningAKnownClientIdAllocatesNothing(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 0);
        t.core().sessionLicenses().open(tenant, SessionReport.live("client-1", "ann", "Slack"));

        SessionLicenses.Opened again = t.core().sessionLicenses().open(tenant,
                SessionReport.live("client-1", "ann", "Slack"));

        assertEquals(false, again.created());
        assertEquals(1, HeldInvariant.check(db, tenant));
    }
}
