package dev.licensebot.core.demo;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.usage.PoolUsage;
import dev.licensebot.core.usage.UsageSummary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataTest {

    @OnBothDatabases
    void loadingCreatesATenantWithThirtyDaysOfHistoryLiveSessionsUsersAndPurchases(TestDatabase db) {
        TestCore t = TestCore.on(db);
        String tenantId = freshId();

        DemoData.Loaded loaded = new DemoData(t.core(), t.clock(), tenantId).load();

        assertNotNull(loaded.apiKey());
        assertEquals(tenantId, t.core().tenants().findByApiKey(loaded.apiKey()).orElseThrow().id());
        assertEquals(DemoData.TENANT_NAME, loaded.tenant().name());
        assertEquals(25, t.core().tenants().total(tenantId, Pool.SESSION));
        assertEquals(40, t.core().tenants().total(tenantId, Pool.USER));
        assertEquals(Role.ADVANCED_ADMIN,
                t.core().operators().resolve(tenantId, DemoData.ADMIN_EMAIL, Surface.SLACK).role());

        ActiveSessions.View active = t.core().activeSessions().list(loaded.tenant(), Actor.cli(tenantId),
                ActiveSessions.Query.defaults());
        assertEquals(9, active.sessions().totalRows());
        assertTrue(active.sessions().rows().stream().anyMatch(s -> s.isGuest()));

        Instant now = t.clock().instant();
        Instant earliest = query(db, "SELECT MIN(started_at) FROM agent_session WHERE tenant_id = :t", tenantId,
                Instant.class);
        assertTrue(earliest.isAfter(now.minus(Duration.ofDays(31))) && earliest.isBefore(now.minus(Duration.ofDays(29))),
                "history starts about 30 days ago: " + earliest);
        assertTrue(loaded.sessionsImported() > 400, "a month of working days: " + loaded.sessionsImported());
        assertEquals(List.of("MS Teams", "Skype for Business", "Slack", "Web widget"), db.jdbi().withHandle(h -> h
                .createQuery("SELECT DISTINCT channel FROM agent_session WHERE tenant_id = :t ORDER BY channel")
                .bind("t", tenantId).mapTo(String.class).list()));
        assertTrue(count(db, "SELECT COUNT(*) FROM agent_session WHERE tenant_id = :t AND username IS NULL",
                tenantId) > 20, "some guests");

        assertEquals(30, count(db, "SELECT COUNT(*) FROM platform_user WHERE tenant_id = :t", tenantId));
        assertEquals(25, count(db, "SELECT COUNT(*) FROM platform_user WHERE tenant_id = :t AND status = 'ACTIVE'",
                tenantId));
        assertEquals(3, count(db, "SELECT COUNT(*) FROM replenishment WHERE tenant_id = :t", tenantId));
    }

    @OnBothDatabases
    void theDemoTenantsUsageFiguresAreThoseOfABusyMonth(TestDatabase db) {
        TestCore t = TestCore.on(db);
        DemoData.Loaded loaded = new DemoData(t.core(), t.clock(), freshId()).load();

        UsageSummary usage = t.core().usage().summary(loaded.tenant(), Actor.cli(loaded.tenant().id()));

        assertEquals(9, usage.session().inUse());
        assertEquals(25, usage.session().total());
        assertTrue(usage.session().dailyMax() > 9 && usage.session().dailyMax() <= 25, usage.session().toString());
        assertTrue(usage.session().dailyAverage().compareTo(BigDecimal.ONE) > 0, usage.session().toString());
        assertNotNull(usage.session().dailyMaxDate());
        assertEquals(25, usage.user().inUse());
        assertEquals(40, usage.user().total());
        assertTrue(usage.user().dailyMax() >= 25, usage.user().toString());
    }

    @OnBothDatabases
    void usersJoinedAndLeftOnManyDifferentDaysRatherThanAllToday(TestDatabase db) {
        TestCore t = TestCore.on(db);
        String tenantId = freshId();
        new DemoData(t.core(), t.clock(), tenantId).load();

        List<Instant> changes = instants(db, "SELECT status_changed_at FROM platform_user WHERE tenant_id = :t",
                tenantId);
        LocalDate today = LocalDate.ofInstant(t.clock().instant(), DemoData.ZONE);
        long days = changes.stream().map(at -> LocalDate.ofInstant(at, DemoData.ZONE)).distinct().count();
        long recentDays = changes.stream().map(at -> LocalDate.ofInstant(at, DemoData.ZONE))
                .filter(day -> day.isAfter(today.minusDays(30))).distinct().count();

        assertTrue(days >= 15, "status changes on " + days + " days: " + changes);
        assertTrue(recentDays >= 5, "joiners and leavers within the last 30 days on " + recentDays + " days");
        assertTrue(changes.stream().allMatch(at -> at.isBefore(t.clock().instant())), changes.toString());
    }

    @OnBothDatabases
    void theUserPoolsThirtyDayFiguresMatchThePeopleInItNow(TestDatabase db) {
        TestCore t = TestCore.on(db);
        DemoData.Loaded loaded = new DemoData(t.core(), t.clock(), freshId()).load();

        PoolUsage users = t.core().usage().summary(loaded.tenant(), Actor.cli(loaded.tenant().id())).user();

        assertEquals(25, users.inUse());
        assertTrue(users.dailyAverage().subtract(BigDecimal.valueOf(users.inUse())).abs()
                .compareTo(BigDecimal.valueOf(3)) <= 0, "average near today's count: " + users);
        assertTrue(users.dailyMax() >= users.inUse() && users.dailyMax() <= users.inUse() + 5, users.toString());
    }

    @OnBothDatabases
    void purchasesWereMadeOverTheWeeksBeforeAndTheirTotalsAddUpToTodaysTotals(TestDatabase db) {
        TestCore t = TestCore.on(db);
        String tenantId = freshId();
        new DemoData(t.core(), t.clock(), tenantId).load();

        List<Map<String, Object>> purchases = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT pool, occurred_at, delta, total_after, reason FROM replenishment WHERE tenant_id = :t "
                                + "ORDER BY occurred_at").bind("t", tenantId).mapToMap().list());
        List<Instant> dates = instants(db, "SELECT occurred_at FROM replenishment WHERE tenant_id = :t "
                + "ORDER BY occurred_at", tenantId);

        assertEquals(purchases.size(), dates.stream().map(at -> LocalDate.ofInstant(at, DemoData.ZONE)).distinct()
                .count(), "each purchase on a day of its own: " + dates);
        assertTrue(Duration.between(dates.get(0), dates.get(dates.size() - 1)).toDays() > 7, dates.toString());
        assertTrue(dates.get(dates.size() - 1).isBefore(t.clock().instant().minus(Duration.ofDays(1))),
                "none today: " + dates);
        Map<String, Integer> totals = new HashMap<>(Map.of("SESSION", DemoPast.INITIAL_SESSIONS,
                "USER", DemoPast.INITIAL_USERS));
        for (Map<String, Object> purchase : purchases) {
            String pool = purchase.get("pool").toString();
            int after = totals.merge(pool, ((Number) purchase.get("delta")).intValue(), Integer::sum);
            assertEquals(after, ((Number) purchase.get("total_after")).intValue(), purchase.toString());
            assertNotNull(purchase.get("reason"), purchase.toString());
        }
        assertEquals(t.core().tenants().total(tenantId, Pool.SESSION), totals.get("SESSION"));
        assertEquals(t.core().tenants().total(tenantId, Pool.USER), totals.get("USER"));
    }

    @OnBothDatabases
    void liveSessionsBeganAtDifferentTimesEarlierTodayAndWereLastActiveAtDifferentTimes(TestDatabase db) {
        TestCore t = TestCore.on(db);
        String tenantId = freshId();
        new DemoData(t.core(), t.clock(), tenantId).load();
        Instant now = t.clock().instant();

        List<Instant> starts = instants(db, "SELECT started_at FROM agent_session WHERE tenant_id = :t "
                + "AND ended_at IS NULL", tenantId);
        List<Instant> lastActive = instants(db, "SELECT last_activity_at FROM agent_session WHERE tenant_id = :t "
                + "AND ended_at IS NULL", tenantId);

        assertEquals(9, starts.size());
        assertTrue(starts.stream().distinct().count() >= 8, "starts spread: " + starts);
        assertTrue(starts.stream().allMatch(at -> at.isBefore(now) && at.isAfter(now.minus(Duration.ofHours(4)))),
                "minutes to hours before the load: " + starts);
        assertTrue(starts.stream().anyMatch(at -> at.isBefore(now.minus(Duration.ofHours(1)))),
                "some have worked for hours: " + starts);
        assertTrue(lastActive.stream().distinct().count() >= 8, "last activity spread: " + lastActive);
        assertTrue(lastActive.stream().noneMatch(at -> at.isAfter(now)), lastActive.toString());
        UsageSummary usage = t.core().usage().summary(t.core().tenants().find(tenantId).orElseThrow(),
                Actor.cli(tenantId));
        assertTrue(usage.session().dailyMax() <= usage.session().total(), "today within the pool: " + usage.session());
    }

    @OnBothDatabases
    void loadingTwiceDuplicatesNothing(TestDatabase db) {
        TestCore t = TestCore.on(db);
        String tenantId = freshId();
        new DemoData(t.core(), t.clock(), tenantId).load();
        List<Integer> before = rowCounts(db, tenantId);

        DemoData.Loaded again = new DemoData(t.core(), t.clock(), tenantId).load();

        assertNull(again.apiKey());
        assertFalse(again.tenantCreated());
        assertEquals(0, again.sessionsImported());
        assertEquals(0, again.liveSessionsOpened());
        assertEquals(0, again.usersAdded());
        assertEquals(before, rowCounts(db, tenantId));
    }

    @OnBothDatabases
    void aLoadDaysLaterAddsOnlyTheDaysSinceAndFreshLiveSessions(TestDatabase db) {
        TestCore t = TestCore.on(db);
        String tenantId = freshId();
        DemoData.Loaded first = new DemoData(t.core(), t.clock(), tenantId).load();
        t.clock().advance(Duration.ofDays(2));

        DemoData.Loaded later = new DemoData(t.core(), t.clock(), tenantId).load();

        assertTrue(later.sessionsImported() > 0 && later.sessionsImported() < first.sessionsImported() / 5,
                "two days' worth: " + later.sessionsImported());
        // The first load's live sessions have timed out by now, so the demo shows new ones.
        assertEquals(9, later.liveSessionsOpened());
        assertEquals(3, count(db, "SELECT COUNT(*) FROM replenishment WHERE tenant_id = :t", tenantId));
    }

    @Test
    void theSameDayAlwaysGetsTheSameSessions() {
        LocalDate day = LocalDate.of(2026, 3, 9);
        assertEquals(DemoHistory.day(day, DemoData.ZONE, DemoPeople.active()),
                DemoHistory.day(day, DemoData.ZONE, DemoPeople.active()));
    }

    private static List<Integer> rowCounts(TestDatabase db, String tenantId) {
        return List.of("agent_session", "session_interaction", "platform_user", "user_license_period",
                        "replenishment", "tenant_operator").stream()
                .map(table -> count(db, "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = :t", tenantId))
                .toList();
    }

    private static List<Instant> instants(TestDatabase db, String sql, String tenantId) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).bind("t", tenantId).mapTo(Instant.class).list());
    }

    private static int count(TestDatabase db, String sql, String tenantId) {
        return query(db, sql, tenantId, Integer.class);
    }

    private static <T> T query(TestDatabase db, String sql, String tenantId, Class<T> type) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).bind("t", tenantId).mapTo(type).one());
    }

    /** Each test its own demo tenant: the test databases are shared by the whole run. */
    private static String freshId() {
        return "demo-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @OnBothDatabases
    void theDemoHasALiveAlertOnItsUserPoolWatchedFromSixtyPercent(TestDatabase db) {
        TestCore t = TestCore.on(db);
        String tenantId = freshId();

        DemoData.Loaded loaded = new DemoData(t.core(), t.clock(), tenantId).load();
        new DemoData(t.core(), t.clock(), tenantId).load();

        List<dev.licensebot.core.alerts.Incident> incidents = t.core().alerts().recent(loaded.tenant());
        assertEquals(1, incidents.size(), incidents::toString);
        dev.licensebot.core.alerts.Incident live = incidents.get(0);
        assertTrue(live.live());
        assertEquals(Pool.USER, live.pool());
        assertEquals(60, live.level());
        assertEquals(25, live.inUse());
        assertEquals(40, live.total());
    }
}
