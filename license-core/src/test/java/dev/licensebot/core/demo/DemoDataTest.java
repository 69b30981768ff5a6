package dev.licensebot.core.demo;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.usage.UsageSummary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
}
