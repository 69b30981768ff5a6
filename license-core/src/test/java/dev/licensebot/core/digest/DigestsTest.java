package dev.licensebot.core.digest;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.usage.UsageFixture;
import dev.licensebot.core.usage.UsageReport;
import dev.licensebot.core.users.UserReport;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigestsTest {

    /** Monday 7 Dec 2026, 10:00 in Berlin: the week runs from Monday 30 Nov to today. */
    private static final String NOW = "2026-12-07T09:00:00Z";

    @OnBothDatabases
    void theWeeksPeakIsTakenFromTheLastSevenDaysAndTodayAndTheAverageFromThirty(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-11-01T12:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 1, Duration.ofMinutes(30));
        t.clock().set(Instant.parse(NOW));
        UsageFixture rows = new UsageFixture(t);
        sessionsAtOnce(rows, tenant, 3, "2026-11-20T09:00:00Z");
        sessionsAtOnce(rows, tenant, 4, "2026-11-29T09:00:00Z"); // Sunday: the day before the week
        sessionsAtOnce(rows, tenant, 2, "2026-12-03T09:00:00Z");
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);

        Digest digest = t.core().digests().weekly(tenant, admin, Instant.parse(NOW));
        PoolDigest sessions = digest.pools().get(0);

        assertEquals(LocalDate.parse("2026-11-30"), digest.weekFrom());
        assertEquals(LocalDate.parse("2026-12-07"), digest.today());
        assertEquals(Pool.SESSION, sessions.pool());
        assertEquals(2, sessions.weekPeak(), "Sunday's 4 lies before the week");
        assertEquals(LocalDate.parse("2026-12-03"), sessions.weekPeakDay());
        assertEquals(4, sessions.dailyMax());
        assertEquals(new BigDecimal("0.3"), sessions.dailyAverage(), "(3 + 4 + 2) / 30 days");
        assertEquals(5, sessions.total());
        assertEquals(0, sessions.weekDenials());
        assertEquals(UsageReport.WINDOW_DAYS, sessions.dailyMaxima().size());
        assertEquals(4, sessions.dailyMaxima().get(21), "29 Nov, the 22nd of the 30 days");
        assertNull(sessions.fullAround(), "three busy days in thirty are no trend towards 5");
        assertEquals("At most 4 of 5 session licenses were in use on any day of the last 30: 1 was never needed.",
                sessions.sizing());
    }

    @OnBothDatabases
    void denialsAreCountedOverTheWeekAndTheBusiestHourSaysHowManyMoreWereNeeded(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-11-01T12:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 5, 1, Duration.ofMinutes(30));
        t.clock().set(Instant.parse("2026-11-25T08:00:00Z"));
        t.core().userLicenses().allocate(tenant, user("holder"));
        refuseUserAt(t, tenant, "2026-11-28T09:10:00Z"); // before the week: in the graph, not in the week
        refuseUserAt(t, tenant, "2026-12-02T09:05:00Z"); // 10:05 in Berlin
        refuseUserAt(t, tenant, "2026-12-02T09:20:00Z");
        refuseUserAt(t, tenant, "2026-12-02T09:59:00Z");
        refuseUserAt(t, tenant, "2026-12-02T13:00:00Z");
        t.clock().set(Instant.parse(NOW));
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);

        PoolDigest users = t.core().digests().weekly(tenant, admin, Instant.parse(NOW)).pools().get(1);

        assertEquals(Pool.USER, users.pool());
        assertEquals(4, users.weekDenials());
        assertEquals(5, users.trend().totalDenials(), "the graph shows all 30 days' denials");
        assertEquals(new BusiestHour(Instant.parse("2026-12-02T09:00:00Z"), 3), users.busiestHour());
        assertEquals("4 denials this week: the busiest hour (2 Dec 10:00–11:00) needed 3 more.", users.sizing());
        assertEquals(1, users.weekPeak());
        assertNull(users.fullAround(), "a pool already full is for the usage alert, not the forecast");
    }

    @OnBothDatabases
    void aSteadilyRisingPoolIsForecastFullOnTheDayItsTrendReachesTheTotal(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-11-27T12:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 12, 1, Duration.ofMinutes(30));
        t.clock().set(Instant.parse(NOW));
        UsageFixture rows = new UsageFixture(t);
        // 1 on 27 Nov, 2 on the 28th … 10 on 6 Dec: the line reaches 12 two days after the 6th.
        LocalDate day = LocalDate.parse("2026-11-27");
        for (int peak = 1; peak <= 10; peak++, day = day.plusDays(1)) {
            sessionsAtOnce(rows, tenant, peak, day + "T09:00:00Z");
        }

        PoolDigest sessions = t.core().digests().weeklyFor(tenant, Instant.parse(NOW)).pools().get(0);

        assertEquals(LocalDate.parse("2026-12-08"), sessions.fullAround());
        assertEquals("At this trend the session pool is full around 8 Dec.", sessions.forecastSentence());
        assertEquals(10, sessions.weekPeak());
        assertEquals("At most 10 of 12 session licenses were in use on any day of the last 11: 2 were never needed.",
                sessions.sizing(), "the tenant is 11 days old, today included");
    }

    @OnBothDatabases
    void aFullPoolWithoutDenialsSaysTheTotalFits(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-11-01T12:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 2, 1, Duration.ofMinutes(30));
        t.clock().set(Instant.parse(NOW));
        sessionsAtOnce(new UsageFixture(t), tenant, 2, "2026-11-18T09:00:00Z");

        PoolDigest sessions = t.core().digests().weeklyFor(tenant, Instant.parse(NOW)).pools().get(0);

        assertEquals("All 2 session licenses were in use on 18 Nov, and nobody was refused one this week.",
                sessions.sizing());
    }

    @OnBothDatabases
    void aSupervisorIsRefusedTheDigestAndTheRefusalIsAudited(TestDatabase db) {
        TestCore t = TestCore.on(db, NOW);
        Tenant tenant = t.tenant(5, 5);
        Actor supervisor = t.operator(tenant, Role.SUPERVISOR);

        Refusal refusal = assertThrows(Refusal.class, () -> t.core().digests().weekly(tenant, supervisor));

        assertEquals(Refusal.Kind.NOT_PERMITTED, refusal.kind());
        assertTrue(refusal.userMessage().contains("read the weekly digest"), refusal::userMessage);
        assertEquals(List.of("VIEW_DIGEST:refused: role SUPERVISOR"), t.core().audit().recent(tenant.id(), 1)
                .stream().map(e -> e.action() + ":" + e.outcome()).toList());
        assertEquals(2, t.core().digests().weekly(tenant, Actor.api(tenant.id())).pools().size(),
                "the tenant's own API key may");
    }

    /** {@code count} sessions imported over the same hour starting at {@code start}. */
    private static void sessionsAtOnce(UsageFixture rows, Tenant tenant, int count, String start) {
        Instant from = Instant.parse(start);
        for (int i = 0; i < count; i++) {
            rows.imported(tenant, "agent" + i, from.plusSeconds(i).toString(),
                    from.plus(Duration.ofHours(1)).toString());
        }
    }

    private static void refuseUserAt(TestCore t, Tenant tenant, String at) {
        t.clock().set(Instant.parse(at));
        assertThrows(Refusal.class, () -> t.core().userLicenses().allocate(tenant, user("u-" + at)));
    }

    private static UserReport user(String userId) {
        return new UserReport(userId, userId, userId + "@example.com", null, null, "agent", null);
    }
}
