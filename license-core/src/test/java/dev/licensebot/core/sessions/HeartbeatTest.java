package dev.licensebot.core.sessions;

import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.util.List;

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
}
