package dev.licensebot.core.usage;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.users.UserReport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, part 4, one step at a time: a license given back is stamped by the clock of whoever
 * gave it back, and the next holder's clock may read earlier (another node's, or one read before
 * the open waited). The next holder's session starts no earlier than that release, so the two
 * never seem to overlap; every figure stays at what the pool held.
 */
class LicenseStampsTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    @OnBothDatabases
    void anOpenOnAClockBehindTheLastLogoutStartsWhenThatLogoutEnded(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 2, 0, TIMEOUT);
        AgentSession ann = open(t, tenant, "ann");
        open(t, tenant, "bob");
        t.clock().set(Instant.parse("2026-03-10T08:10:00Z"));
        t.core().sessionLicenses().logout(tenant, ann.id());
        t.clock().set(Instant.parse("2026-03-10T08:05:00Z"));

        AgentSession cid = open(t, tenant, "cid");

        Instant released = Instant.parse("2026-03-10T08:10:00Z");
        assertEquals(released, cid.startedAt());
        assertEquals(released, cid.lastActivityAt(), "active from its start");
        assertEquals(released.plus(TIMEOUT), cid.expiresAt(), "its timeout runs from its start");
        assertEquals(cid, t.core().sessionLicenses().require(tenant, cid.id()), "the answer is what was stored");
        assertEquals(2, dailyMaxAt(t, tenant, "2026-03-10T08:20:00Z"));
    }

    @OnBothDatabases
    void anOpenOnAClockBehindATerminationStartsWhenTheTerminationEndedTheSession(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 2, 0, TIMEOUT);
        AgentSession ann = open(t, tenant, "ann");
        open(t, tenant, "bob");
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        String confirmation = t.core().terminations().request(tenant, admin, List.of(ann.id())).confirmation().id();
        t.clock().set(Instant.parse("2026-03-10T08:08:00Z"));
        t.core().terminations().confirm(tenant, admin, confirmation);
        t.clock().set(Instant.parse("2026-03-10T08:05:00Z"));

        AgentSession cid = open(t, tenant, "cid");

        assertEquals(Instant.parse("2026-03-10T08:08:00Z"), cid.startedAt());
        assertEquals(2, dailyMaxAt(t, tenant, "2026-03-10T08:20:00Z"));
    }

    @OnBothDatabases
    void aLogoutOnAClockBehindTheSessionsStartEndsItWhereItStarted(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:10:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 2, 0, TIMEOUT);
        AgentSession ann = open(t, tenant, "ann");
        t.clock().set(Instant.parse("2026-03-10T08:05:00Z"));

        t.core().sessionLicenses().logout(tenant, ann.id());

        assertEquals(ann.startedAt(), t.core().sessionLicenses().require(tenant, ann.id()).endedAt(),
                "a session never ends before it began");
        assertTrue(dailyMaxAt(t, tenant, "2026-03-10T08:20:00Z") <= 1);
    }

    /**
     * Clocks read finer than the database keeps (microseconds, DATETIME(3) keeps milliseconds):
     * H2 rounds what MariaDB truncates, so a logout at .0009 was stored at .001 on H2 and an open
     * read after it at .0001 at .000, overlapping it by a millisecond. Stamps are whole
     * milliseconds before they are compared or written.
     */
    @OnBothDatabases
    void clockReadingsFinerThanAMillisecondDoNotMakeNeighboursOverlap(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 1, 0, TIMEOUT);
        AgentSession ann = open(t, tenant, "ann");
        t.clock().set(Instant.parse("2026-03-10T08:10:00.000900Z"));
        t.core().sessionLicenses().logout(tenant, ann.id());
        t.clock().set(Instant.parse("2026-03-10T08:10:00.000100Z"));

        AgentSession bob = open(t, tenant, "bob");

        assertEquals(Instant.parse("2026-03-10T08:10:00Z"), bob.startedAt());
        assertEquals(bob.startedAt(), t.core().sessionLicenses().require(tenant, ann.id()).endedAt());
        assertEquals(1, dailyMaxAt(t, tenant, "2026-03-10T08:20:00Z"));
    }

    @OnBothDatabases
    void aUserLicenseTakenOnAClockBehindTheLastReleaseIsHeldFromThatRelease(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 0, 2, TIMEOUT);
        t.core().userLicenses().allocate(tenant, user("ann"));
        t.core().userLicenses().allocate(tenant, user("bob"));
        t.clock().set(Instant.parse("2026-03-10T08:10:00Z"));
        t.core().userLicenses().deactivate(tenant, "ann");
        t.clock().set(Instant.parse("2026-03-10T08:05:00Z"));

        t.core().userLicenses().allocate(tenant, user("cid"));

        Instant now = Instant.parse("2026-03-10T08:20:00Z");
        t.clock().set(now);
        assertEquals(2, DailyMaxRaceTest.dailyMax(t.database(), tenant, Pool.USER, now, now));
        assertEquals(2, DailyMaxRaceTest.sweptFromScratch(t.database(), tenant, Pool.USER, now, now));
    }

    private static int dailyMaxAt(TestCore t, Tenant tenant, String isoInstant) {
        Instant now = Instant.parse(isoInstant);
        t.clock().set(now);
        int computed = DailyMaxRaceTest.dailyMax(t.database(), tenant, now, now);
        assertEquals(computed, DailyMaxRaceTest.sweptFromScratch(t.database(), tenant, now, now),
                "the usage call and a sweep from scratch agree");
        return computed;
    }

    private static UserReport user(String userId) {
        return new UserReport(userId, userId, userId + "@example.com", null, null, "agent", null);
    }

    private static AgentSession open(TestCore t, Tenant tenant, String agent) {
        return t.core().sessionLicenses().open(tenant, SessionReport.live(null, agent, "Web widget")).session();
    }
}
