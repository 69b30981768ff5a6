package dev.licensebot.core.sessions;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The short heartbeat path (issue 7, B2) answers exactly what reading the session back would. */
class HeartbeatTest {

    private static final List<OpenInteraction> CHATS = List.of(new OpenInteraction("Voice", 1),
            new OpenInteraction("Chat", 2));

    @OnBothDatabases
    void aRepeatedHeartbeatAnswersAsTheStoredSession(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 0);
        String id = t.core().sessionLicenses().open(tenant, new SessionReport(null, StartedBy.AGENT, "ann", null, null,
                null, "Slack", CHATS, 3, null, null)).session().id();
        t.clock().advance(Duration.ofMinutes(1));

        AgentSession answer = t.core().sessionLicenses().reportActivity(tenant, id, new ActivityReport(CHATS, null));

        assertEquals(t.core().sessionLicenses().require(tenant, id), answer);
        assertEquals(3, answer.conversations(), "kept when the heartbeat leaves it out");
        assertEquals(t.clock().instant(), answer.lastActivityAt());
    }

    @OnBothDatabases
    void aChangedHeartbeatRewritesTheInteractionsAndThenRepeatsCheaply(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 0);
        String id = t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack")).session().id();
        SessionLicenses sessions = t.core().sessionLicenses();

        AgentSession changed = sessions.reportActivity(tenant, id, new ActivityReport(CHATS, 4));
        AgentSession repeated = sessions.reportActivity(tenant, id, new ActivityReport(List.of(CHATS.get(1),
                CHATS.get(0)), 5));
        AgentSession emptied = sessions.reportActivity(tenant, id, new ActivityReport(List.of(), 5));

        List<OpenInteraction> byName = List.of(new OpenInteraction("Chat", 2), new OpenInteraction("Voice", 1));
        assertEquals(byName, changed.openInteractions());
        assertEquals(byName, repeated.openInteractions(), "the same set in another order is the same set");
        assertEquals(sessions.require(tenant, id), emptied);
        assertEquals(List.of(), emptied.openInteractions());
        assertEquals(0, emptied.openInteractionCount());
    }

    @OnBothDatabases
    void aHeartbeatForALoggedOutSessionSaysWhyItIsClosed(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 0);
        String id = t.core().sessionLicenses().open(tenant, SessionReport.live(null, "ann", "Slack")).session().id();
        t.core().sessionLicenses().logout(tenant, id);

        SessionClosed closed = assertThrows(SessionClosed.class,
                () -> t.core().sessionLicenses().reportActivity(tenant, id, new ActivityReport(CHATS, null)));

        assertEquals(EndReason.LOGOUT, closed.reason());
    }

    @OnBothDatabases
    void aRepeatedHeartbeatWithItsCountAnswersFieldForFieldAsAFreshRead(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 0);
        SessionLicenses sessions = t.core().sessionLicenses();
        String id = sessions.open(tenant, new SessionReport("ann-1", StartedBy.USER, "ann", "ann@example.com",
                "agent", "Ann A.", "Teams", CHATS, 3, null, null)).session().id();
        t.clock().advance(Duration.ofSeconds(1));
        sessions.reportActivity(tenant, id, new ActivityReport(CHATS, 4));
        // Below a millisecond, which DATETIME(3) does not keep: the answer must still be what is stored.
        t.clock().advance(Duration.ofNanos(61_234_567_891L));

        AgentSession repeated = sessions.reportActivity(tenant, id, new ActivityReport(CHATS, 5));

        assertEquals(sessions.require(tenant, id), repeated);
        assertEquals(5, repeated.conversations());
        assertEquals("Ann A.", repeated.agentName());
        assertEquals(t.clock().instant().truncatedTo(ChronoUnit.MILLIS), repeated.lastActivityAt());
    }

    @OnBothDatabases
    void aSessionThisNodeRemembersAnswersClosedOnceAnotherNodeLoggedItOut(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 0);
        SessionLicenses here = t.core().sessionLicenses();
        SessionLicenses otherNode = new LicenseCore(db.jdbi(), t.clock()).sessionLicenses();
        String id = here.open(tenant, SessionReport.live(null, "ann", "Slack")).session().id();
        here.reportActivity(tenant, id, new ActivityReport(CHATS, 1));
        here.reportActivity(tenant, id, new ActivityReport(CHATS, 2));
        otherNode.logout(tenant, id);

        SessionClosed closed = assertThrows(SessionClosed.class,
                () -> here.reportActivity(tenant, id, new ActivityReport(CHATS, 3)));

        assertEquals(EndReason.LOGOUT, closed.reason());
        assertEquals(2, here.require(tenant, id).conversations(), "a closed session is not touched");
    }

    @OnBothDatabases
    void aRememberedSessionStaysUnknownToAnotherTenant(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant owner = t.tenant(2, 0);
        Tenant other = t.tenant(2, 0);
        SessionLicenses sessions = t.core().sessionLicenses();
        String id = sessions.open(owner, SessionReport.live(null, "ann", "Slack")).session().id();
        sessions.reportActivity(owner, id, new ActivityReport(CHATS, 1));
        sessions.reportActivity(owner, id, new ActivityReport(CHATS, 2));

        assertThrows(Refusal.class, () -> sessions.reportActivity(other, id, new ActivityReport(CHATS, 3)));

        assertEquals(2, sessions.require(owner, id).conversations());
    }

    @OnBothDatabases
    void oneBatchOfHeartbeatsTouchesOnlyTheOpenUnchangedSessionsAndAnswersEachInItsOwnPlace(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 0);
        SessionLicenses sessions = t.core().sessionLicenses();
        AgentSession open = sessions.open(tenant, new SessionReport(null, StartedBy.AGENT, "ann", null, null, null,
                "Slack", CHATS, 3, null, null)).session();
        String closed = sessions.open(tenant, SessionReport.live(null, "bob", "Slack")).session().id();
        sessions.logout(tenant, closed);
        String changed = sessions.open(tenant, new SessionReport(null, StartedBy.AGENT, "cy", null, null, null,
                "Slack", CHATS, 1, null, null)).session().id();
        t.clock().advance(Duration.ofMinutes(1));
        Heartbeat heartbeat = new Heartbeat(db.jdbi(), new Repositories(db.jdbi()), t.clock());
        String hash = InteractionsHash.of(InteractionsHash.sorted(CHATS));
        String otherHash = InteractionsHash.of(List.of());
        Instant now = t.clock().instant().truncatedTo(ChronoUnit.MILLIS);

        List<Boolean> matched = heartbeat.touchAllUnchanged(List.of(
                touch(tenant, open.id(), now, 7, hash, null),
                touch(tenant, closed, now, 7, hash, null),
                touch(tenant, changed, now, 7, otherHash, null),
                touch(tenant, open.id(), now, 8, hash, open.startedAt().minusSeconds(1)),
                touch(tenant, "no-such-session", now, 7, hash, null),
                touch(tenant, open.id(), now, 9, hash, open.startedAt())));

        assertEquals(List.of(true, false, false, false, false, true), matched);
        assertEquals(9, sessions.require(tenant, open.id()).conversations(), "the last matching touch wins");
        assertEquals(now, sessions.require(tenant, open.id()).lastActivityAt());
        assertEquals(1, sessions.require(tenant, changed).conversations(), "a changed set is left to its rewrite");
        assertEquals(EndReason.LOGOUT, sessions.require(tenant, closed).endReason());
    }

    @OnBothDatabases
    void concurrentHeartbeatsEachAnswerTheirOwnSessionAsStoredAndAClosedOneStaysClosed(TestDatabase db)
            throws Exception {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(20, 0);
        SessionLicenses sessions = t.core().sessionLicenses();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(sessions.open(tenant, SessionReport.live(null, "agent" + i, "Slack")).session().id());
        }
        String loggedOut = ids.get(0);
        sessions.logout(tenant, loggedOut);
        ExecutorService agents = Executors.newFixedThreadPool(ids.size());
        try {
            List<Future<Integer>> closedAnswers = new ArrayList<>();
            for (String id : ids) {
                closedAnswers.add(agents.submit(() -> heartbeats(sessions, tenant, id, 40)));
            }
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(i == 0 ? 40 : 0, closedAnswers.get(i).get(60, TimeUnit.SECONDS),
                        "heartbeats answered closed for " + ids.get(i));
            }
        } finally {
            agents.shutdownNow();
        }
        for (String id : ids.subList(1, ids.size())) {
            assertEquals(40, sessions.require(tenant, id).conversations());
        }
        assertEquals(0, sessions.require(tenant, loggedOut).conversations(), "a closed session is not touched");
    }

    /** Sends {@code count} heartbeats, each checked against its own session; answers how many said closed. */
    private static int heartbeats(SessionLicenses sessions, Tenant tenant, String id, int count) {
        int closed = 0;
        for (int n = 1; n <= count; n++) {
            try {
                AgentSession answer = sessions.reportActivity(tenant, id, new ActivityReport(CHATS, n));
                assertEquals(id, answer.id());
                assertEquals(n, answer.conversations());
                assertEquals(CHATS.size(), answer.openInteractions().size());
            } catch (SessionClosed e) {
                closed++;
            }
        }
        return closed;
    }

    private static Heartbeat.Touch touch(Tenant tenant, String id, Instant now, int conversations, String hash,
                                         Instant startedAt) {
        return new Heartbeat.Touch(tenant.id(), id, now, now.plus(tenant.sessionTimeout()), 3, conversations,
                CHATS, hash, startedAt);
    }
}
