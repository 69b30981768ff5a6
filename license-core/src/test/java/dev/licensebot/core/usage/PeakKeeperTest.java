package dev.licensebot.core.usage;

import dev.licensebot.core.access.Role;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.usage.TenantDays.DaySpan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24: completed days' peaks, and today's settled part, are computed by the keeper as days
 * close, so the first usage call of a day finds them stored. The test database is shared by the
 * run's tests, so each keeper here has no batch limit: it visits every tenant there, ours among them.
 */
class PeakKeeperTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(40);

    @OnBothDatabases
    void aDayIsStoredAsSoonAsItHasClosedWithoutAnyUsageCall(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-09T06:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TIMEOUT);
        t.clock().set(Instant.parse("2026-03-09T08:00:00Z"));
        AgentSession ann = openLive(t, tenant, "ann");
        openLive(t, tenant, "bob");
        t.clock().set(Instant.parse("2026-03-09T08:20:00Z"));
        t.core().sessionLicenses().logout(tenant, ann.id());
        PeakKeeper keeper = keeper(t);

        t.clock().set(Instant.parse("2026-03-09T22:59:00Z")); // 23:59 in Berlin
        keeper.run();
        assertEquals(Optional.empty(), stored(t, tenant, Pool.SESSION, "2026-03-09"), "the day is not over yet");

        t.clock().set(Instant.parse("2026-03-09T23:00:30Z")); // 00:00:30 on the 10th
        keeper.run();

        assertEquals(Optional.of(2), stored(t, tenant, Pool.SESSION, "2026-03-09"));
        assertEquals(Optional.of(0), stored(t, tenant, Pool.USER, "2026-03-09"));
    }

    @OnBothDatabases
    void afterTheKeeperRanTheFirstUsageCallOfADayComputesNoCompletedDay(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-01T06:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TIMEOUT);
        t.clock().set(Instant.parse("2026-03-10T13:00:00Z"));
        importHistory(t, tenant);

        PeakKeeper.Run run = keeper(t).run();

        assertTrue(run.computedDays() >= 18, "9 days of 2 pools, and those of the other tenants: " + run);
        assertEquals(9, new UsageFixture(t).cachedDays(tenant, Pool.SESSION), "March 1st to 9th");
        // A figure no sweep of this history gives: a call that computed any completed day would show its own.
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE daily_peak SET peak = 9 WHERE tenant_id = :t")
                .bind("t", tenant.id()).execute());
        UsageTrend trend = t.core().usage().trend(tenant, t.operator(tenant, Role.ACCOUNT_ADMIN), Pool.SESSION);
        List<UsageTrend.Day> completed = trend.days().stream()
                .filter(d -> d.counted() && d.date().isBefore(trend.today())).toList();
        assertEquals(9, completed.size());
        completed.forEach(d -> assertEquals(9, d.dailyMax(), "from the cache: " + d));
        assertEquals(0, computedDaysOfAUsageCall(t, tenant));
    }

    @OnBothDatabases
    void aDayAnImportForgotIsComputedAgainByTheNextRun(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-01T06:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TIMEOUT);
        t.clock().set(Instant.parse("2026-03-10T13:00:00Z"));
        importHistory(t, tenant);
        PeakKeeper keeper = keeper(t);
        keeper.run();
        assertEquals(Optional.of(2), stored(t, tenant, Pool.SESSION, "2026-03-05"));

        UsageFixture rows = new UsageFixture(t);
        rows.imported(tenant, "eve", "2026-03-05T09:00:00Z", "2026-03-05T12:00:00Z");
        rows.imported(tenant, "fay", "2026-03-05T09:35:00Z", "2026-03-05T09:40:00Z");
        assertEquals(Optional.empty(), stored(t, tenant, Pool.SESSION, "2026-03-05"), "the import forgot it");
        keeper.run();

        assertEquals(Optional.of(4), stored(t, tenant, Pool.SESSION, "2026-03-05"));
        assertEquals(4, fromScratch(t, tenant, Pool.SESSION, "2026-03-05"), "ann, bob, eve and fay at 09:35");
        assertEquals(0, computedDaysOfAUsageCall(t, tenant));
    }

    @OnBothDatabases
    void twoKeepersAtOnceStoreEachDayOnceWithItsFigure(TestDatabase db) throws Exception {
        TestCore t = TestCore.on(db, "2026-03-01T06:00:00Z");
        Tenant tenant = t.tenant("Asia/Kathmandu", 5, 5, TIMEOUT);
        t.clock().set(Instant.parse("2026-03-10T13:00:00Z"));
        importHistory(t, tenant);
        List<PeakKeeper> nodes = List.of(keeper(t), keeper(new TestCore(db, t.clock())));
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<PeakKeeper.Run>> runs = nodes.stream().map(node -> threads.submit(() -> {
                start.await();
                return node.run();
            })).toList();
            start.countDown();
            for (Future<PeakKeeper.Run> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        TenantDays days = new TenantDays(tenant.zone());
        for (Pool pool : Pool.values()) {
            assertEquals(9, new UsageFixture(t).cachedDays(tenant, pool), pool + ": one row a day, March 1st to 9th");
            for (LocalDate day = LocalDate.parse("2026-03-01"); day.isBefore(days.dayOf(t.clock().instant()));
                 day = day.plusDays(1)) {
                assertEquals(Optional.of(fromScratch(t, tenant, pool, day.toString())),
                        stored(t, tenant, pool, day.toString()), pool + " on " + day);
            }
        }
        assertEquals(0, computedDaysOfAUsageCall(t, tenant));
    }

    @OnBothDatabases
    void aDayThatClosedInAucklandIsStoredWhileTheSameDayInLondonGoesOn(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-08T00:00:00Z");
        Tenant auckland = t.tenant("Pacific/Auckland", 5, 5, TIMEOUT);
        Tenant london = t.tenant("Europe/London", 5, 5, TIMEOUT);
        t.clock().set(Instant.parse("2026-03-10T11:30:00Z")); // 00:30 on the 11th in Auckland, 11:30 in London
        UsageFixture rows = new UsageFixture(t);
        rows.imported(auckland, "ann", "2026-03-10T01:00:00Z", "2026-03-10T02:00:00Z"); // 14:00 on the 10th
        rows.imported(london, "bob", "2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z");

        keeper(t).run();

        assertEquals(Optional.of(1), stored(t, auckland, Pool.SESSION, "2026-03-10"));
        assertEquals(Optional.empty(), stored(t, london, Pool.SESSION, "2026-03-10"), "London's 10th is today");
        assertEquals(Optional.of(0), stored(t, london, Pool.SESSION, "2026-03-09"));
    }

    @OnBothDatabases
    void theKeeperSettlesTodaySoTheFirstCallStartsFromItsCheckpoint(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T06:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TIMEOUT);
        t.clock().set(Instant.parse("2026-03-10T08:00:00Z"));
        AgentSession ann = openLive(t, tenant, "ann");
        openLive(t, tenant, "bob");
        t.clock().set(Instant.parse("2026-03-10T08:10:00Z"));
        t.core().sessionLicenses().logout(tenant, ann.id());
        t.clock().set(Instant.parse("2026-03-10T12:30:00Z"));

        keeper(t).run();

        assertEquals(List.of(Instant.parse("2026-03-10T12:25:00Z") + " peak 2"), settled(t, tenant, Pool.SESSION));
        openLive(t, tenant, "cid");
        assertEquals(2, todayOfAUsageCall(t, tenant), "bob, then cid: two at once at most");
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE settled_peak SET peak = 7 WHERE tenant_id = :t")
                .bind("t", tenant.id()).execute());
        assertEquals(7, todayOfAUsageCall(t, tenant), "the call went on from the keeper's checkpoint");
    }

    /** Sessions on March 1st to 9th in the tenant's zone, a few a day, the 5th's peak 2. */
    private static void importHistory(TestCore t, Tenant tenant) {
        UsageFixture rows = new UsageFixture(t);
        for (int d = 1; d <= 9; d++) {
            String day = "2026-03-0" + d;
            rows.imported(tenant, "ann", day + "T09:00:00Z", day + "T10:00:00Z");
            if (d % 2 == 1) {
                rows.imported(tenant, "bob", day + "T09:30:00Z", day + "T11:00:00Z");
            }
            if (d % 3 == 0) {
                rows.imported(tenant, "cid", day + "T09:45:00Z", day + "T10:30:00Z");
            }
        }
    }

    private static PeakKeeper keeper(TestCore t) {
        return new PeakKeeper(t.database().jdbi(), new Repositories(t.database().jdbi()), t.clock(),
                Integer.MAX_VALUE);
    }

    private static AgentSession openLive(TestCore t, Tenant tenant, String username) {
        return t.core().sessionLicenses().open(tenant, SessionReport.live(null, username, "Slack")).session();
    }

    /** The completed days a usage call would compute now, over the days it counts, as UsageReport calls it. */
    private static int computedDaysOfAUsageCall(TestCore t, Tenant tenant) {
        Instant now = t.clock().instant();
        TenantDays days = new TenantDays(tenant.zone());
        LocalDate today = days.dayOf(now);
        return t.database().jdbi().withHandle(h -> {
            UsageRepository usage = h.attach(UsageRepository.class);
            DailyMaxima maxima = new DailyMaxima(usage, h.attach(HoldingChanges.class),
                    h.attach(DailyPeakRepository.class), days, tenant.id());
            LocalDate first = UsageReport.firstCountedDay(usage, tenant.id(), tenant.createdAt(), days, today);
            maxima.between(EnumSet.allOf(Pool.class), first, today, now);
            return maxima.computedDays();
        });
    }

    private static int todayOfAUsageCall(TestCore t, Tenant tenant) {
        Instant now = t.clock().instant();
        TenantDays days = new TenantDays(tenant.zone());
        LocalDate today = days.dayOf(now);
        return t.database().jdbi().withHandle(h -> new DailyMaxima(h.attach(UsageRepository.class),
                h.attach(HoldingChanges.class), h.attach(DailyPeakRepository.class), days, tenant.id())
                .between(EnumSet.of(Pool.SESSION), today, today, now).get(Pool.SESSION).get(today));
    }

    private static Optional<Integer> stored(TestCore t, Tenant tenant, Pool pool, String isoDay) {
        return t.database().jdbi().withHandle(h -> h.createQuery("SELECT peak FROM daily_peak WHERE tenant_id = :t "
                        + "AND pool = :pool AND peak_day = :day")
                .bind("t", tenant.id()).bind("pool", pool.name()).bind("day", LocalDate.parse(isoDay))
                .mapTo(Integer.class).findOne());
    }

    private static List<String> settled(TestCore t, Tenant tenant, Pool pool) {
        return t.database().jdbi().withHandle(h -> h.createQuery("SELECT until_at, peak FROM settled_peak "
                        + "WHERE tenant_id = :t AND pool = :pool")
                .bind("t", tenant.id()).bind("pool", pool.name())
                .map((rs, ctx) -> ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 1, ctx)
                        + " peak " + rs.getInt(2))
                .list());
    }

    /** A day's peak by one sweep over every interval of it, no cache involved. */
    private static int fromScratch(TestCore t, Tenant tenant, Pool pool, String isoDay) {
        DaySpan span = new TenantDays(tenant.zone()).span(LocalDate.parse(isoDay));
        List<Interval> intervals = t.database().jdbi().withExtension(UsageRepository.class,
                usage -> usage.intervals(tenant.id(), pool, span.start(), span.end()));
        return PeakSweep.peaks(intervals, List.of(span)).get(span.day());
    }
}
