package dev.licensebot.core.history;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.paging.Page;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.replenish.Replenishment;
import dev.licensebot.core.replenish.Replenishments;
import dev.licensebot.core.sessions.ActivityReport;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.EndReason;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.usage.UsageFixture;
import dev.licensebot.core.users.PlatformUser;
import dev.licensebot.core.users.UserLicenses;
import dev.licensebot.core.users.UserReport;
import dev.licensebot.core.users.UserStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoriesTest {

    @OnBothDatabases
    void sessionsAreNewestFirstPagedAndShownAsOfNow(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 10, 0, Duration.ofMinutes(30));
        new UsageFixture(t).imported(tenant, "old", "2026-03-05T10:00:00Z", "2026-03-05T11:00:00Z");
        live(t, tenant, "ann-1", "ann", List.of(new OpenInteraction("Chat", 2)));
        t.clock().set(Instant.parse("2026-03-10T08:10:00Z"));
        live(t, tenant, "bob-1", "bob", List.of());
        t.clock().set(Instant.parse("2026-03-10T08:20:00Z"));
        live(t, tenant, "cid-1", null, List.of());
        t.clock().set(Instant.parse("2026-03-10T08:30:00Z"));
        t.core().sessionLicenses().reportActivity(tenant, "bob-1",
                new ActivityReport(List.of(new OpenInteraction("Email", 1), new OpenInteraction("Voice", 1)), 3));
        t.clock().set(Instant.parse("2026-03-10T08:45:00Z"));

        HistoryView<AgentSession> first = histories(t).sessions(tenant, admin(t, tenant),
                HistoryQuery.all().page(new PageRequest(1, 2)));
        HistoryView<AgentSession> second = histories(t).sessions(tenant, admin(t, tenant),
                HistoryQuery.all().page(new PageRequest(2, 2)));

        assertEquals(List.of("Guest", "bob"), ids(first.rows(), AgentSession::displayName));
        assertEquals(List.of("ann", "old"), ids(second.rows(), AgentSession::displayName));
        assertEquals(4, first.rows().totalRows());
        assertEquals(2, first.rows().totalPages());
        assertEquals(ZoneId.of("Europe/Berlin"), first.zone());
        AgentSession cid = first.rows().rows().get(0);
        AgentSession bob = first.rows().rows().get(1);
        AgentSession ann = second.rows().rows().get(0);
        assertEquals("cid-1", cid.id());
        assertTrue(bob.isOpen());
        assertEquals(List.of(new OpenInteraction("Email", 1), new OpenInteraction("Voice", 1)), bob.openInteractions());
        assertEquals(EndReason.TIMEOUT, ann.endReason(), "a lapsed session reads as timed out before the job runs");
        assertEquals(Instant.parse("2026-03-10T08:30:00Z"), ann.endedAt());
        assertEquals(List.of(new OpenInteraction("Chat", 2)), ann.openInteractions());
        assertEquals(EndReason.LOGOUT, second.rows().rows().get(1).endReason());
    }

    @OnBothDatabases
    void sinceKeepsSessionsFromTheStartOfThatDayInTheTenantZone(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T12:00:00Z");
        Tenant tenant = t.tenant("America/New_York", 10, 0, Duration.ofMinutes(30));
        UsageFixture rows = new UsageFixture(t);
        rows.imported(tenant, "late", "2026-03-09T03:30:00Z", "2026-03-09T03:40:00Z");  // 23:30 on the 8th
        rows.imported(tenant, "early", "2026-03-09T04:30:00Z", "2026-03-09T04:40:00Z"); // 00:30 on the 9th

        HistoryView<AgentSession> view = histories(t).sessions(tenant, admin(t, tenant),
                HistoryQuery.since(LocalDate.parse("2026-03-09")));

        assertEquals(List.of("early"), ids(view.rows(), AgentSession::username));
        assertEquals(1, view.rows().totalRows());
        assertEquals(LocalDate.parse("2026-03-09"), view.since());
    }

    @OnBothDatabases
    void usersAreNewestStatusChangeFirstAndSinceFiltersThem(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-01T10:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 0, 10, Duration.ofMinutes(30));
        UserLicenses users = t.core().userLicenses();
        users.allocate(tenant, user("u-a", 4));
        t.clock().set(Instant.parse("2026-03-01T23:30:00Z")); // 00:30 on the 2nd in Berlin
        users.allocate(tenant, user("u-c", 7));
        t.clock().set(Instant.parse("2026-03-02T10:00:00Z"));
        users.allocate(tenant, user("u-b", 0));
        t.clock().set(Instant.parse("2026-03-03T10:00:00Z"));
        users.deactivate(tenant, "u-b");
        users.allocate(tenant, user("u-d", 1));
        t.clock().set(Instant.parse("2026-03-10T12:00:00Z"));

        HistoryView<PlatformUser> all = histories(t).users(tenant, admin(t, tenant), HistoryQuery.all());
        HistoryView<PlatformUser> since = histories(t).users(tenant, admin(t, tenant),
                HistoryQuery.since(LocalDate.parse("2026-03-02")));

        assertEquals(List.of("u-d", "u-b", "u-c", "u-a"), ids(all.rows(), PlatformUser::userId));
        assertEquals(List.of("u-d", "u-b", "u-c"), ids(since.rows(), PlatformUser::userId));
        assertEquals(3, since.rows().totalRows());
        assertEquals(new PlatformUser("u-c", "u-c", "u-c@example.com", "First", "Last", "agent", UserStatus.ACTIVE,
                Instant.parse("2026-03-01T23:30:00Z"), 7), all.rows().rows().get(2));
        assertEquals(UserStatus.INACTIVE, all.rows().rows().get(1).status());
    }

    @OnBothDatabases
    void purchasesAreNewestFirstAndPaged(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-01T09:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 10, 10, Duration.ofMinutes(30));
        Replenishments replenishments = t.core().replenishments();
        Actor cli = Actor.cli(tenant.id());
        replenishments.apply(tenant, cli, Pool.SESSION, 10, "PO 1");
        t.clock().set(Instant.parse("2026-03-04T09:00:00Z"));
        replenishments.apply(tenant, cli, Pool.USER, -2, "unused");
        replenishments.apply(tenant, cli, Pool.SESSION, 5, null);
        t.clock().set(Instant.parse("2026-03-10T12:00:00Z"));

        HistoryView<Replenishment> first = histories(t).purchases(tenant, admin(t, tenant),
                HistoryQuery.all().page(new PageRequest(1, 2)));
        HistoryView<Replenishment> second = histories(t).purchases(tenant, admin(t, tenant),
                HistoryQuery.all().page(new PageRequest(2, 2)));
        HistoryView<Replenishment> since = histories(t).purchases(tenant, admin(t, tenant),
                HistoryQuery.since(LocalDate.parse("2026-03-02")));

        assertEquals(List.of(25, 8), ids(first.rows(), Replenishment::totalAfter), "same instant: recorded last first");
        assertEquals(List.of(new Replenishment(Pool.SESSION, Instant.parse("2026-03-01T09:00:00Z"), 10, 20, "cli",
                "PO 1")), second.rows().rows());
        assertNull(first.rows().rows().get(0).reason());
        assertEquals(3, first.rows().totalRows());
        assertEquals(List.of(25, 8), ids(since.rows(), Replenishment::totalAfter));
    }

    @OnBothDatabases
    void aPagePastTheEndIsEmptyButKnowsTheTotal(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T12:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 10, 10, Duration.ofMinutes(30));
        t.core().replenishments().apply(tenant, Actor.cli(tenant.id()), Pool.SESSION, 10, "PO 1");

        Page<Replenishment> page = histories(t).purchases(tenant, admin(t, tenant),
                HistoryQuery.all().page(new PageRequest(3, 10))).rows();

        assertTrue(page.isEmpty());
        assertEquals(1, page.totalRows());
        assertEquals(3, page.page());
    }

    @OnBothDatabases
    void anotherTenantsRowsNeverAppear(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T12:00:00Z");
        Tenant mine = t.tenant("Europe/Berlin", 10, 10, Duration.ofMinutes(30));
        Tenant theirs = t.tenant("Europe/Berlin", 10, 10, Duration.ofMinutes(30));
        for (Tenant tenant : List.of(mine, theirs)) {
            String who = tenant == mine ? "mine" : "theirs";
            t.core().userLicenses().allocate(tenant, user("shared-id", 0));
            t.core().replenishments().apply(tenant, Actor.cli(tenant.id()), Pool.SESSION, 10, who);
            live(t, tenant, "same-session-id", who, List.of(new OpenInteraction(who, 1)));
        }

        Actor admin = admin(t, mine);
        HistoryView<AgentSession> sessions = histories(t).sessions(mine, admin, HistoryQuery.all());
        HistoryView<PlatformUser> users = histories(t).users(mine, admin, HistoryQuery.all());
        HistoryView<Replenishment> purchases = histories(t).purchases(mine, admin, HistoryQuery.all());

        assertEquals(List.of("mine"), ids(sessions.rows(), AgentSession::username));
        assertEquals(List.of(new OpenInteraction("mine", 1)), sessions.rows().rows().get(0).openInteractions());
        assertEquals(1, users.rows().totalRows());
        assertEquals(List.of("mine"), ids(purchases.rows(), Replenishment::reason));
        Refusal refusal = assertThrows(Refusal.class,
                () -> histories(t).purchases(theirs, admin, HistoryQuery.all()));
        assertEquals(Refusal.Kind.NOT_PERMITTED, refusal.kind());
    }

    @OnBothDatabases
    void aSupervisorMaySeeUsageButNotHistories(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 3);
        Actor supervisor = t.operator(tenant, Role.SUPERVISOR);

        assertEquals(3, t.core().usage().summary(tenant, supervisor).session().total());
        for (Runnable read : List.<Runnable>of(
                () -> histories(t).users(tenant, supervisor, HistoryQuery.all()),
                () -> histories(t).sessions(tenant, supervisor, HistoryQuery.all()),
                () -> histories(t).purchases(tenant, supervisor, HistoryQuery.all()))) {
            Refusal refusal = assertThrows(Refusal.class, read::run);
            assertEquals(Refusal.Kind.NOT_PERMITTED, refusal.kind());
        }
        assertEquals(0, histories(t).users(tenant, t.operator(tenant, Role.ACCOUNT_ADMIN), HistoryQuery.all())
                .rows().totalRows());
    }

    private static Histories histories(TestCore t) {
        return t.core().histories();
    }

    private static Actor admin(TestCore t, Tenant tenant) {
        return t.operator(tenant, Role.ACCOUNT_ADMIN);
    }

    private static void live(TestCore t, Tenant tenant, String id, String username, List<OpenInteraction> open) {
        t.core().sessionLicenses().open(tenant, new SessionReport(id, StartedBy.AGENT, username, null, null, null,
                "Slack", open, 0, null, null));
    }

    private static UserReport user(String userId, int conversations) {
        return new UserReport(userId, userId, userId + "@example.com", "First", "Last", "agent", conversations);
    }

    private static <T, R> List<R> ids(Page<T> page, Function<T, R> field) {
        return page.rows().stream().map(field).toList();
    }
}
