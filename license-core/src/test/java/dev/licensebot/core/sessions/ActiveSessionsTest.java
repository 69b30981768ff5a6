package dev.licensebot.core.sessions;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.paging.SortOrder;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Active Agents list: a page, its sessions' own interactions, and the total, in one statement (OpenPage). */
class ActiveSessionsTest {

    private static AgentSession open(TestCore t, Tenant tenant, String username, OpenInteraction... interactions) {
        return t.core().sessionLicenses().open(tenant, new SessionReport(null, StartedBy.AGENT, username,
                username + "@example.com", "agent", username, "Web widget", List.of(interactions), 1, null, null))
                .session();
    }

    private static ActiveSessions.View list(TestCore t, Tenant tenant, SessionSort sort, SortOrder order, int page,
                                            int size) {
        return t.core().activeSessions().list(tenant, Actor.api(tenant.id()),
                new ActiveSessions.Query(sort, order, new PageRequest(page, size)));
    }

    private static List<String> names(ActiveSessions.View view) {
        return view.sessions().rows().stream().map(AgentSession::username).toList();
    }

    @OnBothDatabases
    void eachListedSessionCarriesItsOwnInteractionsInTheOrderAskedFor(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 0);
        open(t, tenant, "ann", new OpenInteraction("Voice", 1), new OpenInteraction("Chat", 2));
        open(t, tenant, "bob");
        open(t, tenant, "cy", new OpenInteraction("Email", 1));

        ActiveSessions.View view = list(t, tenant, SessionSort.AGENT, SortOrder.DESC, 1, 10);

        assertEquals(List.of("cy", "bob", "ann"), names(view));
        List<AgentSession> rows = view.sessions().rows();
        assertEquals(List.of(new OpenInteraction("Email", 1)), rows.get(0).openInteractions());
        assertEquals(List.of(), rows.get(1).openInteractions());
        assertEquals(List.of(new OpenInteraction("Chat", 2), new OpenInteraction("Voice", 1)),
                rows.get(2).openInteractions());
        assertEquals(3, view.sessions().totalRows());
    }

    @OnBothDatabases
    void aPageOfSeveralHoldsOnlyItsOwnSessionsAndAPagePastTheEndStillCountsThemAll(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 0);
        for (String name : List.of("ann", "bob", "cy")) {
            open(t, tenant, name, new OpenInteraction("Chat", 1));
        }

        ActiveSessions.View second = list(t, tenant, SessionSort.AGENT, SortOrder.ASC, 2, 2);
        ActiveSessions.View past = list(t, tenant, SessionSort.AGENT, SortOrder.ASC, 3, 2);

        assertEquals(List.of("cy"), names(second));
        assertEquals(List.of(new OpenInteraction("Chat", 1)), second.sessions().rows().get(0).openInteractions());
        assertEquals(3, second.sessions().totalRows());
        assertTrue(past.sessions().isEmpty());
        assertEquals(3, past.sessions().totalRows());
    }

    @OnBothDatabases
    void withNobodyConnectedTheListIsEmptyAndSaysSo(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 0);

        ActiveSessions.View view = list(t, tenant, null, null, 1, 10);

        assertTrue(view.noneConnected());
        assertTrue(view.sessions().isEmpty());
    }

    @OnBothDatabases
    void aSessionWhoseTimeoutLapsedIsNeitherListedNorCountedBeforeTheSweepRecordsIt(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant("UTC", 5, 0, Duration.ofMinutes(30));
        open(t, tenant, "ann");
        t.clock().advance(Duration.ofMinutes(20));
        open(t, tenant, "bob");
        t.clock().advance(Duration.ofMinutes(15));

        ActiveSessions.View view = list(t, tenant, SessionSort.START, SortOrder.ASC, 1, 10);

        assertEquals(List.of("bob"), names(view));
        assertEquals(1, view.sessions().totalRows());
    }
}
