package dev.licensebot.core.usage;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageTrendTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @OnBothDatabases
    void theTrendHoldsThirtyDaysWithTheSameFiguresAsTheSummary(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-10-01T10:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 2, 5, TWO_HOURS);
        t.clock().set(Instant.parse("2026-11-09T10:00:00Z"));
        UsageFixture rows = new UsageFixture(t);
        rows.imported(tenant, "ann", "2026-10-20T08:00:00Z", "2026-10-20T12:00:00Z");
        rows.imported(tenant, "bob", "2026-10-20T09:00:00Z", "2026-10-20T10:00:00Z");
        rows.imported(tenant, "cy", "2026-11-04T08:00:00Z", "2026-11-04T09:00:00Z");
        fillAndBeDenied(t, tenant, 2, 1);

        UsageTrend trend = t.core().usage().trend(tenant, Actor.api(tenant.id()), Pool.SESSION);
        PoolUsage summary = t.core().usage().summary(tenant, Actor.api(tenant.id())).session();

        assertEquals(UsageReport.WINDOW_DAYS, trend.days().size());
        assertEquals(day("2026-10-11"), trend.days().get(0).date());
        assertEquals(day("2026-11-09"), trend.today());
        assertEquals(new UsageTrend.Day(day("2026-11-09"), 2, 1, true), trend.days().get(29));
        assertEquals(2, maxOn(trend, "2026-10-20"));
        assertEquals(1, maxOn(trend, "2026-11-04"));
        assertEquals(0, maxOn(trend, "2026-11-05"));
        assertTrue(trend.days().stream().allMatch(UsageTrend.Day::counted), "the tenant is older than the window");
        assertEquals(summary.dailyAverage(), trend.dailyAverage());
        assertEquals(new BigDecimal("0.2"), trend.dailyAverage(), "(2 + 1 + 2) / 30 days");
        assertEquals(summary.dailyMax(), trend.figures().dailyMax());
        assertEquals(summary.dailyMaxDate(), trend.figures().dailyMaxDate());
        assertEquals(2, trend.total());
        assertEquals(1, trend.totalDenials());
        assertEquals(summary.deniedToday(), trend.days().get(29).denials());
    }

    @OnBothDatabases
    void daysBeforeTheTenantsHistoryShowNothingAndAreNotCounted(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-11-06T10:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 5, TWO_HOURS);
        t.clock().set(Instant.parse("2026-11-09T10:00:00Z"));
        new UsageFixture(t).imported(tenant, "ann", "2026-11-07T08:00:00Z", "2026-11-07T09:00:00Z");

        UsageTrend trend = t.core().usage().trend(tenant, Actor.api(tenant.id()), Pool.SESSION);

        assertEquals(26, trend.days().stream().filter(d -> !d.counted()).count());
        assertTrue(trend.days().stream().filter(d -> !d.counted()).allMatch(d -> d.dailyMax() == 0));
        assertEquals(new BigDecimal("0.3"), trend.dailyAverage(), "1 / the 4 counted days, as in the summary");
        assertEquals(t.core().usage().summary(tenant, Actor.api(tenant.id())).session().dailyAverage(),
                trend.dailyAverage());
    }

    @OnBothDatabases
    void aDenialLateInTheEveningUtcCountsOnTheTenantsNextDay(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-11-01T10:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 1, 5, Duration.ofMinutes(30));
        t.clock().set(Instant.parse("2026-11-05T23:30:00Z"));
        fillAndBeDenied(t, tenant, 1, 2);
        t.clock().set(Instant.parse("2026-11-09T10:00:00Z"));

        UsageTrend trend = t.core().usage().trend(tenant, Actor.api(tenant.id()), Pool.SESSION);

        UsageTrend.Day sixth = trend.days().stream().filter(d -> d.date().equals(day("2026-11-06"))).findFirst()
                .orElseThrow();
        assertEquals(2, sixth.denials(), "00:30 in Berlin on the 6th");
        assertEquals(2, trend.totalDenials());
        assertEquals(0, trend.days().get(29).denials());
    }

    @OnBothDatabases
    void theOverviewsSummaryIsTheSummary(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-10-01T10:00:00Z");
        Tenant tenant = t.tenant(3, 4);
        t.clock().set(Instant.parse("2026-11-09T10:00:00Z"));
        fillAndBeDenied(t, tenant, 3, 1);

        UsageOverview overview = t.core().usage().overview(tenant, Actor.api(tenant.id()));

        assertEquals(t.core().usage().summary(tenant, Actor.api(tenant.id())), overview.summary());
        assertEquals(Pool.SESSION, overview.session().pool());
        assertEquals(Pool.USER, overview.user().pool());
        assertEquals(3, overview.session().figures().inUse());
    }

    @OnBothDatabases
    void anAgentMayNotSeeTheTrend(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 4);
        Actor agent = t.operator(tenant, Role.AGENT);

        assertThrows(Refusal.class, () -> t.core().usage().trend(tenant, agent, Pool.SESSION));
        assertFalse(t.core().usage().trend(tenant, t.operator(tenant, Role.SUPERVISOR), Pool.USER).days().isEmpty());
    }

    /** Opens {@code licenses} live sessions, then asks {@code denials} more times and is refused each time. */
    private static void fillAndBeDenied(TestCore t, Tenant tenant, int licenses, int denials) {
        for (int i = 0; i < licenses; i++) {
            t.core().sessionLicenses().open(tenant, SessionReport.live(null, "live" + i, "Slack"));
        }
        for (int i = 0; i < denials; i++) {
            assertThrows(Refusal.class,
                    () -> t.core().sessionLicenses().open(tenant, SessionReport.live(null, "late", "Slack")));
        }
    }

    private static int maxOn(UsageTrend trend, String isoDate) {
        List<UsageTrend.Day> days = trend.days().stream().filter(d -> d.date().equals(day(isoDate))).toList();
        assertEquals(1, days.size(), isoDate + " is in the window");
        return days.get(0).dailyMax();
    }

    private static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
