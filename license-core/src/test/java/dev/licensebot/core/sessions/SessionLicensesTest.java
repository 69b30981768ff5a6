package dev.licensebot.core.sessions;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.metrics.LicenseMetrics;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.HeldInvariant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionLicensesTest {

    @OnBothDatabases
    void openingASessionTakesALicenseAndListsIt(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 2);
        SessionReport report = new SessionReport(null, StartedBy.AGENT, "ann", "ann@example.com", "agent",
                "Ann A", "Web widget", List.of(new OpenInteraction("Chat", 2), new OpenInteraction("Email", 1)), 4,
                null, null);

        AgentSession opened = t.core().sessionLicenses().open(tenant, report).session();

        ActiveSessions.View view = t.core().activeSessions().list(tenant, Actor.api(tenant.id()),
                ActiveSessions.Query.defaults());
        assertEquals(1, view.sessions().totalRows());
        AgentSession listed = view.sessions().rows().get(0);
        assertEquals(opened.id(), listed.id());
        assertEquals("ann", listed.displayName());
        assertEquals(3, listed.openInteractionCount());
        assertEquals(List.of(new OpenInteraction("Chat", 2), new OpenInteraction("Email", 1)),
                listed.openInteractions());
        assertEquals(Instant.parse(TestCore.DEFAULT_START), listed.startedAt());
    }

    @OnBothDatabases
    void aSessionWithoutUsernameIsAGuest(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 2);

        AgentSession opened = t.core().sessionLicenses().open(tenant, SessionReport.live(null, "  ", "Web widget"))
                .session();

        assertTrue(opened.isGuest());
        assertEquals("Guest", t.core().sessionLicenses().require(tenant, opened.id()).displayName());
    }

    @OnBothDatabases
    void theSameClientIdTwiceIsOneSession(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 0);

        SessionLicenses.Opened first = t.core().sessionLicenses().open(tenant, SessionReport.live("abc-1", "ann", "Slack"));
        SessionLicenses.Opened second = t.core().sessionLicenses().open(tenant, SessionReport.live("abc-1", "ann", "Slack"));

        assertTrue(first.created());
        assertFalse(second.created());
        assertEquals(1, t.core().activeSessions().list(tenant, Actor.api(tenant.id()),
                ActiveSessions.Query.defaults()).sessions().totalRows());
    }

    @OnBothDatabases
    void aFullPoolRefusesAndCountsADenial(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 0);
        t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack"));

        Refusal refusal = assertThrows(Refusal.class,
                () -> t.core().sessionLicenses().open(tenant, SessionReport.live(null, "bob", "Slack")));

        assertEquals("no_license_available", refusal.code());
        assertEquals(1, (int) db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM denial WHERE tenant_id = :t").bind("t", tenant.id()).mapTo(Integer.class).one()));
    }

    @OnBothDatabases
    void aSessionPastItsTimeoutIsClosedBeforeTheJobRuns(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant("Europe/Berlin", 1, 0, Duration.ofMinutes(30));
        AgentSession ann = t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack")).session();

        t.clock().advance(Duration.ofMinutes(30));

        AgentSession seen = t.core().sessionLicenses().require(tenant, ann.id());
        assertEquals(EndReason.TIMEOUT, seen.endReason());
        assertEquals(ann.expiresAt(), seen.endedAt());
        assertTrue(t.core().activeSessions().list(tenant, Actor.api(tenant.id()),
                ActiveSessions.Query.defaults()).noneConnected());
        // The lapsed license is free for the next agent at once.
        assertTrue(t.core().sessionLicenses().open(tenant, SessionReport.live(null, "bob", "Slack")).created());
    }

    @OnBothDatabases
    void theTimeoutJobRecordsLapsedSessionsOnce(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        AgentSession ann = t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack")).session();
        t.clock().advance(Duration.ofMinutes(31));

        assertTrue(t.core().timeoutSweeper().sweep() >= 1);
        assertEquals(0, new TimeoutSweeper(db.jdbi(), new Repositories(db.jdbi()), t.clock(), new LicenseMetrics(new SimpleMeterRegistry())).sweep(), "a second node finds nothing left");

        AgentSession stored = db.jdbi().withExtension(SessionRepository.class, r -> r.find(tenant.id(), ann.id()))
                .orElseThrow();
        assertEquals(EndReason.TIMEOUT, stored.endReason());
        assertEquals(ann.expiresAt(), stored.endedAt());
    }

    @OnBothDatabases
    void activityKeepsASessionAliveAndReplacesItsInteractions(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 0);
        AgentSession ann = t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack")).session();
        t.clock().advance(Duration.ofMinutes(20));

        t.core().sessionLicenses().reportActivity(tenant, ann.id(),
                new ActivityReport(List.of(new OpenInteraction("Voice", 1)), 7));
        t.clock().advance(Duration.ofMinutes(20));

        AgentSession seen = t.core().sessionLicenses().require(tenant, ann.id());
        assertTrue(seen.isOpen());
        assertEquals(7, seen.conversations());
        assertEquals(List.of(new OpenInteraction("Voice", 1)), seen.openInteractions());
    }

    @OnBothDatabases
    void activityOnATimedOutSessionSaysReload(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 0);
        AgentSession ann = t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack")).session();
        t.clock().advance(Duration.ofHours(1));

        SessionClosed closed = assertThrows(SessionClosed.class, () -> t.core().sessionLicenses()
                .reportActivity(tenant, ann.id(), new ActivityReport(List.of(), null)));

        assertEquals(EndReason.TIMEOUT, closed.reason());
        assertTrue(closed.userMessage().contains("Reload and reactivate"));
    }

    @OnBothDatabases
    void logoutIsIdempotentAndUnknownIdsAreNotFound(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 0);
        AgentSession ann = t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack")).session();

        SessionLicenses.Logout first = t.core().sessionLicenses().logout(tenant, ann.id());
        SessionLicenses.Logout again = t.core().sessionLicenses().logout(tenant, ann.id());

        assertEquals(SessionLicenses.Logout.CLOSED, first);
        assertEquals(SessionLicenses.Logout.ALREADY_CLOSED, again);
        AgentSession closed = t.core().sessionLicenses().require(tenant, ann.id());
        assertEquals(EndReason.LOGOUT, closed.endReason());
        assertNull(closed.terminatedBy());
        assertEquals(0, HeldInvariant.check(db, tenant));
        assertEquals("session_not_found", assertThrows(Refusal.class,
                () -> t.core().sessionLicenses().logout(tenant, "nope")).code());
    }

    @OnBothDatabases
    void loggingOutASessionPastItsTimeoutAnswersAlreadyClosedAndRecordsNoLogout(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 0);
        AgentSession ann = t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack")).session();
        t.clock().advance(tenant.sessionTimeout().plusMinutes(1));

        assertEquals(SessionLicenses.Logout.ALREADY_CLOSED, t.core().sessionLicenses().logout(tenant, ann.id()));

        AgentSession lapsed = t.core().sessionLicenses().require(tenant, ann.id());
        assertFalse(lapsed.isOpen());
        assertEquals(EndReason.TIMEOUT, lapsed.endReason());
        assertEquals(1, HeldInvariant.check(db, tenant), "the lapse is recorded by the sweep, not by the logout");
    }

    @OnBothDatabases
    void anotherTenantsSessionIsUnknown(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant mine = t.tenant(1, 0);
        Tenant theirs = t.tenant(1, 0);
        AgentSession ann = t.core().sessionLicenses().open(theirs, SessionReport.live(null, "ann", "Slack")).session();

        assertEquals("session_not_found", assertThrows(Refusal.class,
                () -> t.core().sessionLicenses().reportActivity(mine, ann.id(), new ActivityReport(List.of(), 1))).code());
        assertTrue(t.core().sessionLicenses().require(theirs, ann.id()).isOpen());
    }

    private static SessionReport imported(String id, String startedAt, String endedAt) {
        return new SessionReport(id, StartedBy.USER, "old", null, null, null, "Skype for Business", List.of(), 3,
                Instant.parse(startedAt), Instant.parse(endedAt));
    }

    @OnBothDatabases
    void importedClosedSessionsAllocateNothing(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant(1, 0);

        AgentSession old = t.core().sessionLicenses().open(tenant,
                imported("hist-1", "2026-02-01T09:00:00Z", "2026-02-01T17:00:00Z")).session();
        t.core().sessionLicenses().open(tenant, imported("hist-2", "2026-02-02T09:00:00Z", "2026-02-02T17:00:00Z"));

        assertEquals(EndReason.LOGOUT, old.endReason());
        assertEquals(Instant.parse("2026-02-01T17:00:00Z"), old.endedAt());
        assertTrue(t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack")).created(),
                "the one license is still free");
    }

    @OnBothDatabases
    void importingTheSameSessionTwiceKeepsOne(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant(1, 0);

        t.core().sessionLicenses().open(tenant, imported("hist-1", "2026-02-01T09:00:00Z", "2026-02-01T17:00:00Z"));
        SessionLicenses.Opened again = t.core().sessionLicenses().open(tenant,
                imported("hist-1", "2026-02-01T09:00:00Z", "2026-02-01T17:00:00Z"));

        assertFalse(again.created());
    }

    @OnBothDatabases
    void importsThatAreNotOverOrOutOfOrderAreRefusedByField(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant(1, 0);
        SessionLicenses sessions = t.core().sessionLicenses();

        assertEquals("invalid_endedAt", assertThrows(Refusal.class, () -> sessions.open(tenant,
                imported(null, "2026-02-01T09:00:00Z", "2026-02-01T08:00:00Z"))).code());
        assertEquals("invalid_endedAt", assertThrows(Refusal.class, () -> sessions.open(tenant,
                imported(null, "2026-03-10T07:00:00Z", "2026-03-10T09:00:00Z"))).code());
        assertEquals("invalid_endedAt", assertThrows(Refusal.class, () -> sessions.open(tenant,
                new SessionReport(null, null, "x", null, null, null, null, null, null,
                        Instant.parse("2026-02-01T09:00:00Z"), null))).code());
        assertEquals("invalid_sessionId", assertThrows(Refusal.class, () -> sessions.open(tenant,
                SessionReport.live("has spaces", "x", null))).code());
        assertEquals("invalid_openInteractions", assertThrows(Refusal.class, () -> sessions.open(tenant,
                new SessionReport(null, null, "x", null, null, null, null,
                        List.of(new OpenInteraction("Chat", -1)), null, null, null))).code());
        assertTrue(t.core().activeSessions().list(tenant, Actor.api(tenant.id()),
                ActiveSessions.Query.defaults()).noneConnected());
    }

    @OnBothDatabases
    void theActiveListSortsAndPagesInTheDatabase(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(10, 0);
        String[] names = {"carol", "ann", "bob"};
        int[] interactions = {1, 5, 3};
        for (int i = 0; i < names.length; i++) {
            t.core().sessionLicenses().open(tenant, new SessionReport(null, StartedBy.AGENT, names[i], null, null,
                    null, "Slack", List.of(new OpenInteraction("Chat", interactions[i])), 0, null, null));
            t.clock().advance(Duration.ofMinutes(1));
        }
        Actor api = Actor.api(tenant.id());

        ActiveSessions.View byAgent = t.core().activeSessions().list(tenant, api, new ActiveSessions.Query(
                SessionSort.AGENT, SortOrder.ASC, new PageRequest(1, 2)));
        ActiveSessions.View page2 = t.core().activeSessions().list(tenant, api, new ActiveSessions.Query(
                SessionSort.AGENT, SortOrder.ASC, new PageRequest(2, 2)));
        ActiveSessions.View byInteractions = t.core().activeSessions().list(tenant, api, new ActiveSessions.Query(
                SessionSort.INTERACTIONS, SortOrder.DESC, null));

        assertEquals(List.of("ann", "bob"), byAgent.sessions().rows().stream().map(AgentSession::displayName).toList());
        assertEquals(List.of("carol"), page2.sessions().rows().stream().map(AgentSession::displayName).toList());
        assertEquals(2, page2.sessions().totalPages());
        assertEquals(List.of("ann", "bob", "carol"),
                byInteractions.sessions().rows().stream().map(AgentSession::displayName).toList());
        assertEquals(SessionSort.INTERACTIONS, byInteractions.sort());
    }

    @OnBothDatabases
    void idsAndInteractionNamesThatDifferOnlyInCaseOrAccentsAreDifferent(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 0);

        AgentSession upper = t.core().sessionLicenses().open(tenant, new SessionReport("ABC", StartedBy.AGENT, "ann",
                null, null, null, "Slack", List.of(new OpenInteraction("Chat", 1), new OpenInteraction("chat", 2),
                new OpenInteraction("Café", 1), new OpenInteraction("Cafe", 1)), 0, null, null)).session();
        SessionLicenses.Opened lower = t.core().sessionLicenses().open(tenant, SessionReport.live("abc", "bob", "Slack"));

        assertTrue(lower.created(), "abc is not ABC");
        assertEquals(List.of("Cafe", "Café", "Chat", "chat"), t.core().sessionLicenses().require(tenant, upper.id())
                .openInteractions().stream().map(OpenInteraction::name).sorted().toList());
    }

    @OnBothDatabases
    void importsFromBeforeTheYear2000AreRefused(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 0);

        assertEquals("invalid_startedAt", assertThrows(Refusal.class, () -> t.core().sessionLicenses().open(tenant,
                imported(null, "0999-01-01T00:00:00Z", "2026-01-01T00:00:00Z"))).code());
    }
}
