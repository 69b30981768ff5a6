package dev.licensebot.core.usage;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.ActivityReport;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.users.UserLicenses;
import dev.licensebot.core.users.UserReport;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageReportTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @OnBothDatabases
    void aSessionSpanningMidnightCountsOnBothDays(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-09T16:00:00Z");
        Tenant tenant = t.tenant("America/New_York", 5, 5, TWO_HOURS);
        t.clock().set(Instant.parse("2026-03-12T16:00:00Z"));
        UsageFixture rows = new UsageFixture(t);
        // 22:00 on the 9th to 01:00 on the 10th, New York time; all of it on the 10th in UTC.
        rows.imported(tenant, "ann", "2026-03-10T02:00:00Z", "2026-03-10T05:00:00Z");
        rows.imported(tenant, "bob", "2026-03-10T03:00:00Z", "2026-03-10T03:30:00Z");

        PoolUsage sessions = summary(t, tenant).session();

        assertEquals(Map.of(day("2026-03-09"), 2, day("2026-03-10"), 1, day("2026-03-11"), 0, day("2026-03-12"), 0),
                dailyMaxima(t, tenant, Pool.SESSION, "2026-03-09", "2026-03-12"));
        assertEquals(2, sessions.dailyMax());
        assertEquals(day("2026-03-09"), sessions.dailyMaxDate());
        assertEquals(new BigDecimal("0.8"), sessions.dailyAverage(), "(2 + 1 + 0 + 0) / 4 days, half up");
        assertEquals(0, sessions.inUse());
        assertEquals(5, sessions.total());
    }

    @OnBothDatabases
    void aLiveSessionOpenedYesterdayCountsTodayFromMidnight(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-09T12:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TWO_HOURS);
        t.clock().set(Instant.parse("2026-03-09T22:00:00Z"));
        AgentSession ann = t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack")).session();
        t.clock().set(Instant.parse("2026-03-09T23:30:00Z"));
        t.core().sessionLicenses().reportActivity(tenant, ann.id(), new ActivityReport(List.of(), 1));
        t.clock().set(Instant.parse("2026-03-10T00:00:00Z"));

        UsageSummary summary = summary(t, tenant);

        assertEquals(day("2026-03-10"), summary.today());
        assertEquals(1, summary.session().inUse());
        assertEquals(1, summary.session().dailyMax());
        assertEquals(day("2026-03-10"), summary.session().dailyMaxDate(), "ties go to the most recent day");
        assertEquals(new BigDecimal("1.0"), summary.session().dailyAverage());
        assertEquals(Map.of(day("2026-03-09"), 1, day("2026-03-10"), 1),
                dailyMaxima(t, tenant, Pool.SESSION, "2026-03-09", "2026-03-10"));
    }

    @OnBothDatabases
    void theSpringForwardDayHas23HoursAndEndsAtLocalMidnight(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-20T12:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TWO_HOURS);
        t.clock().set(Instant.parse("2026-04-02T12:00:00Z"));
        UsageFixture rows = new UsageFixture(t);
        rows.imported(tenant, "ann", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"); // 01:30 CET to 03:30 CEST
        rows.imported(tenant, "bob", "2026-03-29T21:30:00Z", "2026-03-29T21:59:00Z"); // 23:30 CEST, the 29th
        rows.imported(tenant, "cid", "2026-03-29T22:00:00Z", "2026-03-29T22:30:00Z"); // 00:00 CEST, the 30th
        rows.imported(tenant, "dan", "2026-03-29T22:10:00Z", "2026-03-29T22:20:00Z");

        PoolUsage sessions = summary(t, tenant).session();

        assertEquals(Map.of(day("2026-03-28"), 0, day("2026-03-29"), 1, day("2026-03-30"), 2),
                dailyMaxima(t, tenant, Pool.SESSION, "2026-03-28", "2026-03-30"));
        assertEquals(2, sessions.dailyMax());
        assertEquals(day("2026-03-30"), sessions.dailyMaxDate());
    }

    @OnBothDatabases
    void theFallBackDayHas25HoursAndEndsAtLocalMidnight(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-10-20T12:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TWO_HOURS);
        t.clock().set(Instant.parse("2026-10-28T12:00:00Z"));
        UsageFixture rows = new UsageFixture(t);
        rows.imported(tenant, "ann", "2026-10-24T22:10:00Z", "2026-10-24T22:20:00Z"); // 00:10 CEST, the 25th
        rows.imported(tenant, "bob", "2026-10-25T22:15:00Z", "2026-10-25T22:45:00Z"); // 23:15 CET, the 25th
        rows.imported(tenant, "cid", "2026-10-25T22:30:00Z", "2026-10-25T23:30:00Z"); // to 00:30 CET, the 26th

        PoolUsage sessions = summary(t, tenant).session();

        assertEquals(Map.of(day("2026-10-24"), 0, day("2026-10-25"), 2, day("2026-10-26"), 1),
                dailyMaxima(t, tenant, Pool.SESSION, "2026-10-24", "2026-10-26"));
        assertEquals(2, sessions.dailyMax());
        assertEquals(day("2026-10-25"), sessions.dailyMaxDate());
    }

    @OnBothDatabases
    void theAverageCountsIdleDaysAsZeroButNotDaysBeforeTheTenantExisted(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-01T10:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TWO_HOURS);
        t.clock().set(Instant.parse("2026-03-10T12:00:00Z"));
        UsageFixture rows = new UsageFixture(t);
        rows.imported(tenant, "ann", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
        rows.imported(tenant, "bob", "2026-03-02T09:30:00Z", "2026-03-02T10:30:00Z");
        rows.imported(tenant, "ann", "2026-03-05T09:00:00Z", "2026-03-05T11:00:00Z");
        rows.imported(tenant, "bob", "2026-03-05T10:00:00Z", "2026-03-05T12:00:00Z");
        t.core().sessionLicenses().open(tenant, SessionReport.live(null, "cid", "Slack"));

        PoolUsage sessions = summary(t, tenant).session();

        assertEquals(new BigDecimal("0.5"), sessions.dailyAverage(), "(2 + 2 + 1) over March 1st to 10th");
        assertEquals(2, sessions.dailyMax());
        assertEquals(day("2026-03-05"), sessions.dailyMaxDate(), "ties go to the most recent day");
        assertEquals(1, sessions.inUse());
    }

    @OnBothDatabases
    void theWindowIsTheThirtyDaysEndingToday(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-01-01T10:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TWO_HOURS);
        t.clock().set(Instant.parse("2026-03-10T12:00:00Z"));
        UsageFixture rows = new UsageFixture(t);
        for (String who : List.of("ann", "bob", "cid")) {
            rows.imported(tenant, who, "2026-02-08T10:00:00Z", "2026-02-08T11:00:00Z"); // day 31: outside
        }
        rows.imported(tenant, "ann", "2026-02-09T10:00:00Z", "2026-02-09T11:00:00Z"); // day 30: inside
        rows.imported(tenant, "ann", "2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z");
        rows.imported(tenant, "bob", "2026-03-01T10:30:00Z", "2026-03-01T11:30:00Z");

        PoolUsage sessions = summary(t, tenant).session();

        assertEquals(2, sessions.dailyMax());
        assertEquals(day("2026-03-01"), sessions.dailyMaxDate());
        assertEquals(new BigDecimal("0.1"), sessions.dailyAverage(), "(1 + 2) / 30");
    }

    @OnBothDatabases
    void importedHistoryOlderThanTheTenantExtendsTheCountedDays(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-09T12:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TWO_HOURS);
        t.clock().set(Instant.parse("2026-03-10T12:00:00Z"));
        new UsageFixture(t).imported(tenant, "ann", "2026-03-05T10:00:00Z", "2026-03-05T11:00:00Z");
        t.core().sessionLicenses().open(tenant, SessionReport.live(null, "bob", "Slack"));

        PoolUsage sessions = summary(t, tenant).session();

        assertEquals(new BigDecimal("0.3"), sessions.dailyAverage(), "(1 + 1) over March 5th to 10th");
        assertEquals(1, sessions.dailyMax());
        assertEquals(day("2026-03-10"), sessions.dailyMaxDate());
    }

    @OnBothDatabases
    void aCachedPastDayIsRecomputedAfterAnImportThatOverlapsIt(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-01T10:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TWO_HOURS);
        t.clock().set(Instant.parse("2026-03-10T12:00:00Z"));
        UsageFixture rows = new UsageFixture(t);
        assertEquals(0, summary(t, tenant).session().dailyMax());
        assertEquals(9, rows.cachedDays(tenant, Pool.SESSION), "March 1st to 9th; today is never cached");
        assertEquals(9, rows.cachedDays(tenant, Pool.USER));

        rows.tamperWithCache(tenant, Pool.SESSION, "2026-03-03", 7);
        assertEquals(7, summary(t, tenant).session().dailyMax(), "completed days are read from the cache");

        rows.imported(tenant, "ann", "2026-03-03T10:00:00Z", "2026-03-03T11:00:00Z");
        rows.imported(tenant, "bob", "2026-03-03T10:30:00Z", "2026-03-03T12:00:00Z");
        PoolUsage sessions = summary(t, tenant).session();

        assertEquals(2, sessions.dailyMax());
        assertEquals(day("2026-03-03"), sessions.dailyMaxDate());
        assertEquals(9, rows.cachedDays(tenant, Pool.SESSION));
    }

    @OnBothDatabases
    void todayIsLiveAndCachedOnlyOnceItIsOver(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TWO_HOURS);
        UsageFixture rows = new UsageFixture(t);
        t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack"));
        assertEquals(1, summary(t, tenant).session().dailyMax());

        t.core().sessionLicenses().open(tenant, SessionReport.live(null, "bob", "Slack"));
        assertEquals(2, summary(t, tenant).session().dailyMax());
        assertEquals(0, rows.cachedDays(tenant, Pool.SESSION));

        t.clock().set(Instant.parse("2026-03-11T08:00:00Z"));
        PoolUsage sessions = summary(t, tenant).session();

        assertEquals(1, rows.cachedDays(tenant, Pool.SESSION));
        assertEquals(2, sessions.dailyMax());
        assertEquals(day("2026-03-10"), sessions.dailyMaxDate());
        assertEquals(new BigDecimal("1.0"), sessions.dailyAverage(), "(2 + 0) / 2: both have timed out");
    }

    @OnBothDatabases
    void twoNodesCachingTheSameDaysDoNotClash(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        List<LocalDate> days = List.of(day("2026-03-08"), day("2026-03-09"));

        db.jdbi().useExtension(DailyPeakRepository.class, cache -> {
            cache.remember(tenant.id(), Pool.SESSION, days, List.of(1, 2), 0);
            cache.remember(tenant.id(), Pool.SESSION, days, List.of(1, 2), 0);
        });

        assertEquals(List.of(new DailyPeakRepository.CachedPeak(Pool.SESSION, day("2026-03-08"), 1),
                        new DailyPeakRepository.CachedPeak(Pool.SESSION, day("2026-03-09"), 2)),
                db.jdbi().withExtension(DailyPeakRepository.class, cache -> cache.cached(tenant.id(), EnumSet.of(Pool.SESSION),
                        day("2026-03-01"), day("2026-03-31"))).stream()
                        .sorted(Comparator.comparing(DailyPeakRepository.CachedPeak::peakDay)).toList());
    }

    @OnBothDatabases
    void aDayComputedBeforeAnImportCommittedIsNotCached(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant(5, 5);
        UsageFixture rows = new UsageFixture(t);
        long versionSeenByASummary = db.jdbi().withExtension(DailyPeakRepository.class,
                cache -> cache.historyVersion(tenant.id()));
        t.core().sessionLicenses().open(tenant, new SessionReport("old-1", StartedBy.AGENT, "ann", null, null, null,
                "Slack", List.of(), 0, Instant.parse("2026-03-08T09:00:00Z"), Instant.parse("2026-03-08T10:00:00Z")));

        db.jdbi().useExtension(DailyPeakRepository.class, cache -> cache.remember(tenant.id(), Pool.SESSION,
                List.of(day("2026-03-08")), List.of(0), versionSeenByASummary));

        assertEquals(0, rows.cachedDays(tenant, Pool.SESSION), "the stale 0 was not kept");
        assertEquals(1, summary(t, tenant).session().dailyMax(), "recomputed with the import");
        assertTrue(rows.cachedDays(tenant, Pool.SESSION) > 0, "and cached once computed with it");
    }

    @OnBothDatabases
    void deniedTodayCountsOnlyDenialsSinceMidnightInTheTenantZone(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-09T12:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 1, 1, TWO_HOURS);
        t.clock().set(Instant.parse("2026-03-09T22:30:00Z")); // 23:30 in Berlin, yesterday
        t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack"));
        t.core().userLicenses().allocate(tenant, user("u1"));
        assertThrows(Refusal.class,
                () -> t.core().sessionLicenses().open(tenant, SessionReport.live(null, "bob", "Slack")));
        assertThrows(Refusal.class, () -> t.core().userLicenses().allocate(tenant, user("u2")));
        t.clock().set(Instant.parse("2026-03-09T23:30:00Z")); // 00:30 in Berlin, today
        for (int i = 0; i < 2; i++) {
            assertThrows(Refusal.class,
                    () -> t.core().sessionLicenses().open(tenant, SessionReport.live(null, "cid", "Slack")));
        }
        assertThrows(Refusal.class, () -> t.core().userLicenses().allocate(tenant, user("u3")));

        UsageSummary summary = summary(t, tenant);

        assertEquals(2, summary.session().deniedToday());
        assertEquals(1, summary.user().deniedToday());
    }

    @OnBothDatabases
    void aTimedOutSessionStopsCountingAtItsExpiry(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, Duration.ofMinutes(30));
        t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack"));
        t.clock().set(Instant.parse("2026-03-10T08:35:00Z"));
        assertEquals(0, summary(t, tenant).session().inUse());

        t.clock().set(Instant.parse("2026-03-10T08:40:00Z"));
        t.core().sessionLicenses().open(tenant, SessionReport.live(null, "bob", "Slack"));
        PoolUsage sessions = summary(t, tenant).session();

        assertEquals(1, sessions.inUse());
        assertEquals(1, sessions.dailyMax(), "ann's license was free from 08:30, before bob took one");

        t.clock().set(Instant.parse("2026-03-11T08:00:00Z"));
        assertEquals(Map.of(day("2026-03-10"), 1, day("2026-03-11"), 0),
                dailyMaxima(t, tenant, Pool.SESSION, "2026-03-10", "2026-03-11"), "and before any job recorded it");
    }

    @OnBothDatabases
    void userFiguresFollowTheLicensePeriods(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-04T23:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 10, TWO_HOURS);
        UserLicenses users = t.core().userLicenses();
        t.clock().set(Instant.parse("2026-03-05T10:00:00Z"));
        users.allocate(tenant, user("u1"));
        t.clock().set(Instant.parse("2026-03-06T09:00:00Z"));
        users.allocate(tenant, user("u2"));
        t.clock().set(Instant.parse("2026-03-07T10:00:00Z"));
        users.allocate(tenant, user("u4"));
        t.clock().set(Instant.parse("2026-03-07T11:00:00Z"));
        users.deactivate(tenant, "u4");
        t.clock().set(Instant.parse("2026-03-08T12:00:00Z"));
        users.deactivate(tenant, "u2");
        users.allocate(tenant, user("u3")); // the same instant: u2's license is already free
        t.clock().set(Instant.parse("2026-03-10T12:00:00Z"));

        UsageSummary summary = summary(t, tenant);

        assertEquals(Map.of(day("2026-03-05"), 1, day("2026-03-06"), 2, day("2026-03-07"), 3,
                        day("2026-03-08"), 2, day("2026-03-09"), 2, day("2026-03-10"), 2),
                dailyMaxima(t, tenant, Pool.USER, "2026-03-05", "2026-03-10"));
        PoolUsage userPool = summary.user();
        assertEquals(2, userPool.inUse());
        assertEquals(10, userPool.total());
        assertEquals(3, userPool.dailyMax());
        assertEquals(day("2026-03-07"), userPool.dailyMaxDate());
        assertEquals(new BigDecimal("2.0"), userPool.dailyAverage());
        assertEquals(0, summary.session().dailyMax(), "user licenses are not session licenses");
    }

    @OnBothDatabases
    void anotherTenantsLicensesNeverCount(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-01T10:00:00Z");
        Tenant mine = t.tenant("Europe/Berlin", 5, 5, TWO_HOURS);
        Tenant theirs = t.tenant("Europe/Berlin", 1, 5, TWO_HOURS);
        t.clock().set(Instant.parse("2026-03-10T12:00:00Z"));
        UsageFixture rows = new UsageFixture(t);
        rows.imported(theirs, "ann", "2026-02-20T10:00:00Z", "2026-03-02T11:00:00Z");
        t.core().userLicenses().allocate(theirs, user("u1"));
        t.core().sessionLicenses().open(theirs, SessionReport.live(null, "bob", "Slack"));
        assertThrows(Refusal.class,
                () -> t.core().sessionLicenses().open(theirs, SessionReport.live(null, "x", "Slack")));

        UsageSummary summary = summary(t, mine);

        for (PoolUsage pool : List.of(summary.session(), summary.user())) {
            assertEquals(0, pool.inUse());
            assertEquals(0, pool.dailyMax());
            assertEquals(0, pool.deniedToday());
            assertEquals(new BigDecimal("0.0"), pool.dailyAverage(), "10 days, from March 1st: not from February");
        }
    }

    @OnBothDatabases
    void aSupervisorMaySeeUsageButAnAgentMayNot(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 4);

        UsageSummary summary = t.core().usage().summary(tenant, t.operator(tenant, Role.SUPERVISOR));
        Refusal refusal = assertThrows(Refusal.class,
                () -> t.core().usage().summary(tenant, t.operator(tenant, Role.AGENT)));

        assertEquals(3, summary.session().total());
        assertEquals(4, summary.user().total());
        assertEquals(Refusal.Kind.NOT_PERMITTED, refusal.kind());
    }

    @OnBothDatabases
    void anActorOfOneTenantCannotReadAnother(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant mine = t.tenant(3, 4);
        Tenant theirs = t.tenant(3, 4);

        Refusal refusal = assertThrows(Refusal.class,
                () -> t.core().usage().summary(theirs, t.operator(mine, Role.ADVANCED_ADMIN)));

        assertEquals(Refusal.Kind.NOT_PERMITTED, refusal.kind());
    }

    private static UsageSummary summary(TestCore t, Tenant tenant) {
        return t.core().usage().summary(tenant, Actor.api(tenant.id()));
    }

    /** The per-day maxima the summary is built from, which its public figures only aggregate. */
    private static Map<LocalDate, Integer> dailyMaxima(TestCore t, Tenant tenant, Pool pool, String from, String to) {
        return t.database().jdbi().withHandle(h -> new DailyMaxima(h.attach(UsageRepository.class), h.attach(HoldingChanges.class),
                h.attach(DailyPeakRepository.class), new TenantDays(tenant.zone()), tenant.id())
                .between(EnumSet.of(pool), day(from), day(to), t.clock().instant()).get(pool));
    }

    private static UserReport user(String userId) {
        return new UserReport(userId, userId, userId + "@example.com", null, null, "agent", null);
    }

    private static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
