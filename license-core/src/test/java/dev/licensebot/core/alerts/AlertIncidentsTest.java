package dev.licensebot.core.alerts;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertIncidentsTest {

    record Setup(TestCore t, Tenant tenant, Actor admin, RecordingPoster poster, List<String> sessions,
                 AlertPlace place) {

        void open(int n) {
            for (int i = 0; i < n; i++) {
                sessions.add(t.core().sessionLicenses().open(tenant,
                        SessionReport.live(null, "agent" + sessions.size(), "Chat")).session().id());
            }
        }

        void close(int n) {
            for (int i = 0; i < n; i++) {
                t.core().sessionLicenses().logout(tenant, sessions.remove(sessions.size() - 1));
            }
        }

        void round() {
            t.core().alerting().round();
        }
    }

    static Setup subscribed(TestDatabase db, int sessionLicenses) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", sessionLicenses, 100, Duration.ofHours(8));
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        AlertPlace ops = new AlertPlace(Surface.SLACK, "T1", "C-" + tenant.id(), "#ops");
        RecordingPoster poster = new RecordingPoster(ops);
        t.core().alerting().deliveries().register(Surface.SLACK, poster);
        t.core().alerts().answer(tenant, admin, ops, new AlertsChange.On());
        return new Setup(t, tenant, admin, poster, new ArrayList<>(), ops);
    }

    @OnBothDatabases
    void crossingEightyPercentPostsOneMessageAndHigherLevelsUpdateIt(TestDatabase db) {
        Setup s = subscribed(db, 10);
        s.open(7);
        s.round();
        assertEquals(List.of(), s.poster().kinds(), "70 % is under every level");

        s.open(1);
        s.round();
        s.round();
        assertEquals(List.of("post"), s.poster().kinds(), "one message, not one per round");
        assertEquals("Session licenses at 80 %: 8 of 10 in use", s.poster().last().notice().headline());
        assertEquals(s.place(), s.poster().last().place());

        s.open(2);
        s.round();
        assertEquals(List.of("post", "update"), s.poster().kinds());
        assertEquals("m-1", s.poster().last().messageRef(), "the same message, updated in place");
        assertEquals("Session licenses at 100 %: 10 of 10 in use", s.poster().last().notice().headline());
    }

    @OnBothDatabases
    void fallingBackIsResolvedOnlyAfterFifteenQuietMinutesWithThePeak(TestDatabase db) {
        Setup s = subscribed(db, 10);
        s.open(9);
        s.round();
        s.close(5);
        s.round();
        assertEquals("Session licenses back under the alert levels: 4 of 10 in use",
                s.poster().last().notice().headline());
        s.t().clock().advance(Duration.ofMinutes(14));
        s.round();
        assertEquals(List.of("post", "update"), s.poster().kinds(), "still live after 14 quiet minutes");

        s.t().clock().advance(Duration.ofMinutes(1));
        s.round();
        IncidentNotice resolved = s.poster().last().notice();
        assertEquals(List.of("post", "update", "update"), s.poster().kinds());
        assertFalse(resolved.live());
        assertEquals("Session licenses: resolved", resolved.headline());
        assertEquals("Resolved at 09:00 · peak 9 of 10 · 0 denials", resolved.lines().get(0));
        assertTrue(resolved.buttons().isEmpty());
    }

    @OnBothDatabases
    void aNewCrossingWhileLiveUpdatesTheLiveMessageAndAfterResolvingPostsANewOne(TestDatabase db) {
        Setup s = subscribed(db, 10);
        s.open(8);
        s.round();
        s.close(8);
        s.round();
        s.t().clock().advance(Duration.ofMinutes(5));
        s.open(9);
        s.round();
        assertEquals(List.of("post", "update", "update"), s.poster().kinds(), "the live incident goes on");

        s.close(9);
        s.round();
        s.t().clock().advance(Duration.ofMinutes(15));
        s.round();
        s.open(8);
        s.round();
        assertEquals("post", s.poster().last().kind(), "a new incident after the last was resolved");
        assertEquals(2, s.poster().calls.stream().filter(c -> c.kind().equals("post")).count());
    }

    @OnBothDatabases
    void deniedAgentsAreCountedWithTheTimeOfTheFirstDenial(TestDatabase db) {
        Setup s = subscribed(db, 2);
        s.open(2);
        s.t().clock().advance(Duration.ofMinutes(2));
        for (int i = 0; i < 3; i++) {
            assertThrows(Refusal.class, () -> s.open(1));
        }
        s.round();
        IncidentNotice notice = s.poster().last().notice();
        assertEquals(List.of("post"), s.poster().kinds());
        assertTrue(notice.lines().contains("3 agents were refused a session license since 09:02"), () -> notice.lines().toString());

        s.t().clock().advance(Duration.ofMinutes(1));
        assertThrows(Refusal.class, () -> s.open(1));
        s.round();
        assertTrue(s.poster().last().notice().lines().contains(
                "4 agents were refused a session license since 09:02"), () -> s.poster().last().notice().lines().toString());
    }

    @OnBothDatabases
    void acknowledgeSaysWhoOnTheMessageAndASecondPressChangesNothing(TestDatabase db) {
        Setup s = subscribed(db, 10);
        s.open(9);
        s.round();
        String id = s.poster().last().notice().incidentId();
        Actor other = s.t().operator(s.tenant(), Role.ACCOUNT_ADMIN);

        AlertsView first = s.t().core().alerts().answer(s.tenant(), s.admin(), s.place(),
                new AlertsChange.Press(id, IncidentAction.ACKNOWLEDGE));
        AlertsView second = s.t().core().alerts().answer(s.tenant(), other, s.place(),
                new AlertsChange.Press(id, IncidentAction.ACKNOWLEDGE));
        s.round();

        assertEquals("Acknowledged: the alert now says you are on it.", first.sentence());
        assertEquals("Already acknowledged by " + s.admin().name() + ".", second.sentence());
        IncidentNotice notice = s.poster().last().notice();
        assertEquals(List.of("post", "update"), s.poster().kinds());
        assertTrue(notice.lines().stream().anyMatch(l -> l.startsWith("Acknowledged by " + s.admin().name())));
        assertFalse(notice.buttons().contains(IncidentAction.ACKNOWLEDGE));
    }

    @OnBothDatabases
    void aSnoozedMessageSaysSoOnceAndWaitsForTheHourToEnd(TestDatabase db) {
        Setup s = subscribed(db, 10);
        s.open(8);
        s.round();
        String id = s.poster().last().notice().incidentId();
        s.t().core().alerts().answer(s.tenant(), s.admin(), s.place(), new AlertsChange.Press(id, IncidentAction.SNOOZE_HOUR));
        s.round();
        assertTrue(s.poster().last().notice().lines().stream().anyMatch(l -> l.startsWith("Snoozed by")));
        s.open(2);
        s.round();
        assertEquals(List.of("post", "update"), s.poster().kinds(), () -> "nothing while snoozed " + s.poster().calls);

        s.t().clock().advance(Duration.ofMinutes(61));
        s.round();
        assertEquals(List.of("post", "update", "update"), s.poster().kinds());
        assertEquals("Session licenses at 100 %: 10 of 10 in use", s.poster().last().notice().headline());
    }

    @OnBothDatabases
    void anotherTenantsAlertDoesNotExistForThePress(TestDatabase db) {
        Setup s = subscribed(db, 10);
        s.open(9);
        s.round();
        String id = s.poster().last().notice().incidentId();
        Tenant other = s.t().tenant(5, 5);
        Actor stranger = s.t().operator(other, Role.ADVANCED_ADMIN);

        Refusal refusal = assertThrows(Refusal.class, () -> s.t().core().alerts().answer(other, stranger, s.place(),
                new AlertsChange.Press(id, IncidentAction.ACKNOWLEDGE)));
        assertEquals("alert_not_found", refusal.code());
    }
}
