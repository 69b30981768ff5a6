package dev.licensebot.core.usage;

import dev.licensebot.core.sessions.ActivityReport;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.SessionClosed;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.usage.TenantDays.DaySpan;
import dev.licensebot.core.users.UserReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Today's peak from the settled-checkpoint cache must always equal a sweep of all of today from
 * scratch, whatever happens between calls and wherever the tenant's day starts.
 */
class TodayPeakTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(40);

    @Test
    void checkpointsFallOnTheUtcGridAtLeastTheSettleMarginAgo() {
        DaySpan berlin = new TenantDays(ZoneId.of("Europe/Berlin")).span(LocalDate.parse("2026-03-10"));

        assertEquals(Instant.parse("2026-03-10T09:59:00Z"),
                TodayPeak.settledUntil(berlin, Instant.parse("2026-03-10T10:04:59.999Z")));
        assertEquals(Instant.parse("2026-03-10T10:00:00Z"),
                TodayPeak.settledUntil(berlin, Instant.parse("2026-03-10T10:05:00Z")));
    }

    @Test
    void noCheckpointFallsBeforeTheDaysStart() {
        // Kathmandu is UTC+05:45: its day starts at 18:15 UTC.
        DaySpan kathmandu = new TenantDays(ZoneId.of("Asia/Kathmandu")).span(LocalDate.parse("2026-03-11"));

        assertEquals(Instant.parse("2026-03-10T18:15:00Z"), kathmandu.start());
        assertEquals(kathmandu.start(), TodayPeak.settledUntil(kathmandu, Instant.parse("2026-03-10T18:17:00Z")));
        assertEquals(Instant.parse("2026-03-10T18:20:00Z"),
                TodayPeak.settledUntil(kathmandu, Instant.parse("2026-03-10T18:25:00Z")));
        assertEquals(Instant.parse("2026-03-10T18:16:00Z"),
                TodayPeak.settledUntil(kathmandu, Instant.parse("2026-03-10T18:21:59Z")));
    }

    @Test
    void aDayOffTheGridStartsWithAShorterStretch() {
        // Monrovia kept UTC-00:44:30 until 1972: its days started 44.5 minutes past a UTC hour.
        DaySpan monrovia = new TenantDays(ZoneId.of("Africa/Monrovia")).span(LocalDate.parse("1970-06-01"));

        assertEquals(Instant.parse("1970-06-01T00:44:30Z"), monrovia.start());
        assertEquals(monrovia.start(), TodayPeak.settledUntil(monrovia, Instant.parse("1970-06-01T00:49:59Z")));
        assertEquals(Instant.parse("1970-06-01T00:45:00Z"),
                TodayPeak.settledUntil(monrovia, Instant.parse("1970-06-01T00:50:00Z")));
    }

    @OnBothDatabases
    void aBusyDayInKathmanduMatchesASweepFromScratchAtEveryStep(TestDatabase db) {
        walkThroughADay(db, "Asia/Kathmandu", "2026-03-11", 11);
    }

    @OnBothDatabases
    void theSpringForwardDayInBerlinMatchesASweepFromScratchAtEveryStep(TestDatabase db) {
        walkThroughADay(db, "Europe/Berlin", "2026-03-29", 12);
    }

    @OnBothDatabases
    void theFallBackDayInNewfoundlandMatchesASweepFromScratchAtEveryStep(TestDatabase db) {
        // UTC-02:30 turning into UTC-03:30: a 25-hour day that is half an hour off UTC's hours.
        walkThroughADay(db, "America/St_Johns", "2026-11-01", 13);
    }

    @OnBothDatabases
    void anImportIntoTheSettledHoursIsCountedAtOnce(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T06:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 50, 50, TIMEOUT);
        UsageFixture rows = new UsageFixture(t);
        t.clock().set(Instant.parse("2026-03-10T08:00:00Z"));
        openLive(t, tenant, "ann");
        t.clock().set(Instant.parse("2026-03-10T08:10:00Z"));
        openLive(t, tenant, "bob");
        t.clock().set(Instant.parse("2026-03-10T12:30:00Z"));
        assertEquals(2, cachedPeak(t, tenant, Pool.SESSION));
        assertEquals(1, settledRows(db, tenant), "12:25 is settled and stored");

        rows.imported(tenant, "old-1", "2026-03-10T08:20:00Z", "2026-03-10T09:00:00Z");
        rows.imported(tenant, "old-2", "2026-03-10T08:30:00Z", "2026-03-10T08:40:00Z");

        assertEquals(0, settledRows(db, tenant), "the import forgot the settled peak it overlaps");
        assertEquals(4, cachedPeak(t, tenant, Pool.SESSION));
        assertEquals(fromScratch(t, tenant, Pool.SESSION), cachedPeak(t, tenant, Pool.SESSION));
    }

    @OnBothDatabases
    void aSettledPeakComputedBeforeAnImportCommittedIsNotStored(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T12:30:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TIMEOUT);
        UsageFixture rows = new UsageFixture(t);
        DaySpan today = new TenantDays(tenant.zone()).span(LocalDate.parse("2026-03-10"));
        long versionSeenBefore = db.jdbi().withExtension(DailyPeakRepository.class,
                cache -> cache.historyVersion(tenant.id()));
        rows.imported(tenant, "old-1", "2026-03-10T08:20:00Z", "2026-03-10T09:00:00Z");

        int stored = db.jdbi().withExtension(DailyPeakRepository.class, cache -> cache.rememberSettled(tenant.id(),
                Pool.SESSION, today.start(), Instant.parse("2026-03-10T12:00:00Z"), 0, 0, versionSeenBefore));

        assertEquals(0, stored);
        assertEquals(1, cachedPeak(t, tenant, Pool.SESSION));
    }

    @OnBothDatabases
    void theSettledPartIsReadFromTheCacheAndOnlyTheNewestCheckpointIsKept(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T06:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TIMEOUT);
        t.clock().set(Instant.parse("2026-03-10T08:00:00Z"));
        openLive(t, tenant, "ann");
        t.clock().set(Instant.parse("2026-03-10T10:30:00Z"));
        assertEquals(1, cachedPeak(t, tenant, Pool.SESSION));
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE settled_peak SET peak = 7 WHERE tenant_id = :t")
                .bind("t", tenant.id()).execute());

        t.clock().set(Instant.parse("2026-03-10T12:30:00Z"));

        assertEquals(7, cachedPeak(t, tenant, Pool.SESSION), "the 10:25 checkpoint was trusted, not swept again");
        assertEquals(1, settledRows(db, tenant), "12:25 replaced 10:25");
    }

    @OnBothDatabases
    void yesterdaysCheckpointDoesNotCountTowardsToday(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T17:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TIMEOUT);
        AgentSession ann = openLive(t, tenant, "ann");
        AgentSession bob = openLive(t, tenant, "bob");
        t.clock().set(Instant.parse("2026-03-10T18:00:00Z"));
        t.core().sessionLicenses().logout(tenant, ann.id());
        t.core().sessionLicenses().logout(tenant, bob.id());
        t.clock().set(Instant.parse("2026-03-10T22:30:00Z")); // 23:30 in Berlin
        assertEquals(2, cachedPeak(t, tenant, Pool.SESSION));
        openLive(t, tenant, "cid");

        t.clock().set(Instant.parse("2026-03-11T01:30:00Z")); // 02:30 in Berlin, the next day

        assertEquals(1, cachedPeak(t, tenant, Pool.SESSION), "only cid, carried over from yesterday");
        assertEquals(fromScratch(t, tenant, Pool.SESSION), cachedPeak(t, tenant, Pool.SESSION));
        assertEquals(1, settledRows(db, tenant), "yesterday's checkpoint made way for today's");
    }

    @OnBothDatabases
    void theFirstCallOfADayFinishesYesterdayFromItsLastCheckpoint(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T17:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TIMEOUT);
        AgentSession ann = openLive(t, tenant, "ann");
        openLive(t, tenant, "bob");
        t.clock().set(Instant.parse("2026-03-10T18:00:00Z"));
        t.core().sessionLicenses().logout(tenant, ann.id());
        t.clock().set(Instant.parse("2026-03-10T22:30:00Z")); // 23:30 in Berlin: checkpoint 22:25
        assertEquals(2, cachedPeak(t, tenant, Pool.SESSION));
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE settled_peak SET peak = 7 WHERE tenant_id = :t")
                .bind("t", tenant.id()).execute());
        openLive(t, tenant, "cid"); // after the checkpoint: read from the changes since it

        t.clock().set(Instant.parse("2026-03-10T23:03:00Z")); // 00:03 the next day

        assertEquals(7, completedDayPeak(t, tenant, Pool.SESSION, "2026-03-10"),
                "the 22:25 checkpoint was trusted, not all of the day swept again");
    }

    @OnBothDatabases
    void yesterdayFinishedFromItsCheckpointMatchesASweepFromScratch(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T17:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, Duration.ofHours(8));
        AgentSession ann = openLive(t, tenant, "ann");
        t.clock().set(Instant.parse("2026-03-10T22:30:00Z"));
        assertEquals(1, cachedPeak(t, tenant, Pool.SESSION));
        t.clock().set(Instant.parse("2026-03-10T22:50:00Z"));
        openLive(t, tenant, "bob");
        openLive(t, tenant, "cid");
        t.clock().set(Instant.parse("2026-03-10T22:55:00Z"));
        t.core().sessionLicenses().logout(tenant, ann.id());

        t.clock().set(Instant.parse("2026-03-10T23:01:00Z"));

        assertEquals(3, completedDayPeak(t, tenant, Pool.SESSION, "2026-03-10"), "ann, bob and cid at 23:50 local");
        assertEquals(fromScratch(t, tenant, Pool.SESSION, "2026-03-10"),
                completedDayPeak(t, tenant, Pool.SESSION, "2026-03-10"));
    }

    @OnBothDatabases
    void aSessionThatLapsedInTheSettledHoursEndsAtItsExpiryWhetherOrNotTheSweeperRan(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T06:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TIMEOUT);
        t.clock().set(Instant.parse("2026-03-10T08:00:00Z"));
        openLive(t, tenant, "ann"); // lapses at 08:40
        t.clock().set(Instant.parse("2026-03-10T08:50:00Z"));
        openLive(t, tenant, "bob");
        t.clock().set(Instant.parse("2026-03-10T10:30:00Z"));
        assertEquals(1, cachedPeak(t, tenant, Pool.SESSION));

        t.core().timeoutSweeper().sweep();
        t.clock().set(Instant.parse("2026-03-10T11:30:00Z"));

        assertEquals(1, cachedPeak(t, tenant, Pool.SESSION));
        assertEquals(fromScratch(t, tenant, Pool.SESSION), cachedPeak(t, tenant, Pool.SESSION));
    }

    @OnBothDatabases
    void twoNodesOnOneDatabaseShareTheSettledPeakAndAgreeWithASweep(TestDatabase db) {
        TestCore a = TestCore.on(db, "2026-03-10T06:00:00Z");
        TestCore b = new TestCore(db, a.clock());
        Tenant tenant = a.tenant("Asia/Kathmandu", 500, 500, TIMEOUT);
        SplittableRandom random = new SplittableRandom(5);
        List<AgentSession> open = new ArrayList<>();
        for (Instant at = Instant.parse("2026-03-10T06:00:00Z"); at.isBefore(Instant.parse("2026-03-10T18:00:00Z"));
             at = at.plus(Duration.ofMinutes(17))) {
            a.clock().set(at);
            TestCore writer = random.nextBoolean() ? a : b;
            step(writer, tenant, random, open);
            int onA = cachedPeak(a, tenant, Pool.SESSION);
            int onB = cachedPeak(b, tenant, Pool.SESSION);
            int scratch = fromScratch(a, tenant, Pool.SESSION);
            assertEquals(scratch, onA, "node A at " + at);
            assertEquals(scratch, onB, "node B at " + at);
        }
        DaySpan today = new TenantDays(tenant.zone()).span(LocalDate.parse("2026-03-10"));
        Instant checkpoint = TodayPeak.settledUntil(today, a.clock().instant());
        int stored = db.jdbi().withExtension(DailyPeakRepository.class, cache -> cache.rememberSettled(tenant.id(),
                Pool.SESSION, today.start(), checkpoint, 0, 0, cache.historyVersion(tenant.id())));
        assertEquals(0, stored, "the other node's copy of the same checkpoint is already there");
    }

    @OnBothDatabases
    void aTakeStampedAheadOfThisNodesClockIsCountedAfterTheReleasesBeforeIt(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T06:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TIMEOUT);
        t.clock().set(Instant.parse("2026-03-10T10:00:00Z"));
        AgentSession ann = openLive(t, tenant, "ann");
        openLive(t, tenant, "bob");
        // Another node, its clock 20 to 30 minutes ahead, logs ann out and then opens carl's session.
        t.clock().set(Instant.parse("2026-03-10T10:20:00Z"));
        t.core().sessionLicenses().logout(tenant, ann.id());
        t.clock().set(Instant.parse("2026-03-10T10:30:00Z"));
        openLive(t, tenant, "carl");

        t.clock().set(Instant.parse("2026-03-10T10:05:00Z"));

        assertEquals(2, fromScratch(t, tenant, Pool.SESSION));
        assertEquals(2, cachedPeak(t, tenant, Pool.SESSION), "ann's logout before carl's start is counted");
    }

    /**
     * Random opens, heartbeats, logouts, lapses and user licenses through a day, in uneven steps so
     * calls land just before, on, and after checkpoints; after each step the cached figure must
     * equal the sweep from scratch, for both pools.
     */
    private static void walkThroughADay(TestDatabase db, String zone, String isoDay, long seed) {
        TenantDays days = new TenantDays(ZoneId.of(zone));
        DaySpan day = days.span(LocalDate.parse(isoDay));
        TestCore t = TestCore.on(db, day.start().minus(Duration.ofHours(2)).toString());
        Tenant tenant = t.tenant(zone, 500, 500, TIMEOUT);
        SplittableRandom random = new SplittableRandom(seed);
        List<AgentSession> open = new ArrayList<>();
        // Carried over from the day before, into the first stretch.
        for (int i = 0; i < 3; i++) {
            t.clock().advance(Duration.ofMinutes(20));
            step(t, tenant, random, open);
        }
        int checks = 0;
        for (Instant at = day.start(); at.isBefore(day.end()); at = at.plusSeconds(60 * (3 + random.nextInt(40)) + random.nextInt(60))) {
            t.clock().set(at);
            step(t, tenant, random, open);
            for (Pool pool : Pool.values()) {
                assertEquals(fromScratch(t, tenant, pool), cachedPeak(t, tenant, pool), pool + " at " + at);
                checks++;
            }
        }
        assertTrue(checks > 40, "walked through the day: " + checks);
        assertTrue(settledRows(db, tenant) > 0, "and the cache was used");
        // The next day's first call finishes this day from its last checkpoint.
        t.clock().set(day.end().plus(Duration.ofMinutes(2)));
        for (Pool pool : Pool.values()) {
            assertEquals(fromScratch(t, tenant, pool, isoDay), completedDayPeak(t, tenant, pool, isoDay),
                    pool + " for the whole day, the next day");
        }
    }

    /** One random change: open, heartbeat or log out a session, or allocate or release a user license. */
    private static void step(TestCore t, Tenant tenant, SplittableRandom random, List<AgentSession> open) {
        int what = random.nextInt(10);
        if (what < 4 || open.isEmpty()) {
            open.add(openLive(t, tenant, "u" + random.nextInt(1000)));
        } else if (what < 6) {
            AgentSession s = open.get(random.nextInt(open.size()));
            try {
                t.core().sessionLicenses().reportActivity(tenant, s.id(), new ActivityReport(List.of(), 1));
            } catch (SessionClosed lapsed) {
                open.remove(s);
            }
        } else if (what < 8) {
            AgentSession s = open.remove(random.nextInt(open.size()));
            t.core().sessionLicenses().logout(tenant, s.id());
        } else if (what < 9) {
            t.core().userLicenses().allocate(tenant, user("user" + random.nextInt(12)));
        } else {
            String userId = "user" + random.nextInt(12);
            if (t.core().userLicenses().find(tenant, userId).isPresent()) {
                t.core().userLicenses().deactivate(tenant, userId);
            }
        }
        if (random.nextInt(6) == 0) {
            t.core().timeoutSweeper().sweep();
        }
    }

    private static AgentSession openLive(TestCore t, Tenant tenant, String username) {
        return t.core().sessionLicenses().open(tenant, SessionReport.live(null, username, "Slack")).session();
    }

    /** Today's figure the way a usage call gets it: settled cache plus live sweep. */
    private static int cachedPeak(TestCore t, Tenant tenant, Pool pool) {
        Instant now = t.clock().instant();
        TenantDays days = new TenantDays(tenant.zone());
        LocalDate today = days.dayOf(now);
        return t.database().jdbi().withHandle(h -> new DailyMaxima(h.attach(UsageRepository.class), h.attach(HoldingChanges.class),
                h.attach(DailyPeakRepository.class), days, tenant.id()).between(EnumSet.of(pool), today, today, now).get(pool).get(today));
    }

    /** A completed day's max the way a usage call gets it when the day is not yet in daily_peak. */
    private static int completedDayPeak(TestCore t, Tenant tenant, Pool pool, String isoDay) {
        LocalDate day = LocalDate.parse(isoDay);
        TenantDays days = new TenantDays(tenant.zone());
        return t.database().jdbi().withHandle(h -> new DailyMaxima(h.attach(UsageRepository.class),
                h.attach(HoldingChanges.class), h.attach(DailyPeakRepository.class), days, tenant.id())
                .between(EnumSet.of(pool), day, day, t.clock().instant()).get(pool).get(day));
    }

    /** Today's peak by one sweep over every interval of today, no cache involved. */
    private static int fromScratch(TestCore t, Tenant tenant, Pool pool) {
        TenantDays days = new TenantDays(tenant.zone());
        return fromScratch(t, tenant, pool, days.dayOf(t.clock().instant()).toString());
    }

    private static int fromScratch(TestCore t, Tenant tenant, Pool pool, String isoDay) {
        DaySpan span = new TenantDays(tenant.zone()).span(LocalDate.parse(isoDay));
        List<Interval> intervals = t.database().jdbi().withExtension(UsageRepository.class,
                usage -> usage.intervals(tenant.id(), pool, span.start(), span.end()));
        return PeakSweep.peaks(intervals, List.of(span)).get(span.day());
    }

    private static int settledRows(TestDatabase db, Tenant tenant) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM settled_peak WHERE tenant_id = :t")
                .bind("t", tenant.id()).mapTo(Integer.class).one());
    }

    private static UserReport user(String userId) {
        return new UserReport(userId, userId, userId + "@example.com", null, null, "agent", null);
    }
}
