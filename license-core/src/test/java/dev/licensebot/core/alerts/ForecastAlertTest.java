package dev.licensebot.core.alerts;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastAlertTest {

    /**
     * Twenty days of a peak growing by one agent a day, written as the platform imports them, in a
     * pool of 25: at this trend it is full five days after the last completed day.
     */
    @OnBothDatabases
    void aRisingTrendPostsAForecastOnceADayAndResolvesWhenTheTrendNoLongerReachesTheTotal(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-01T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 25, 100, Duration.ofHours(8));
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        t.clock().set(Instant.parse("2026-03-21T08:00:00Z"));
        for (int day = 0; day < 20; day++) {
            Instant noon = LocalDate.of(2026, 3, 1).plusDays(day).atTime(11, 0).atZone(ZoneId.of("UTC")).toInstant();
            for (int agent = 0; agent <= day % 20; agent++) {
                t.core().sessionLicenses().open(tenant, new SessionReport("d" + day + "a" + agent, StartedBy.AGENT,
                        "agent" + agent, null, null, null, "Chat", List.of(), 0, noon, noon.plus(Duration.ofHours(1))));
            }
        }
        AlertPlace place = new AlertPlace(Surface.SLACK, "T1", "C-" + tenant.id(), "#ops");
        RecordingPoster poster = new RecordingPoster(place);
        t.core().alerting().deliveries().register(Surface.SLACK, poster);
        t.core().alerts().answer(tenant, admin, place, new AlertsChange.On());

        t.core().alerting().round();
        t.core().alerting().round();

        assertEquals(List.of("post"), poster.kinds());
        IncidentNotice notice = poster.last().notice();
        assertEquals("At this trend the session pool is full around 25 Mar", notice.headline());
        assertTrue(notice.live());

        // The next day the trend is measured again; a forecast that no longer reaches the total resolves it.
        t.clock().set(Instant.parse("2026-03-22T08:00:00Z"));
        AlertWatch flat = new AlertWatch(db.jdbi(), new Repositories(db.jdbi()), (tn, now) -> Map.of());
        flat.evaluate(tenant, t.clock().instant());
        t.core().alerting().deliveries().deliverDue();

        assertEquals(List.of("post", "update"), poster.kinds());
        assertFalse(poster.last().notice().live());
        assertEquals("Session pool forecast: resolved", poster.last().notice().headline());
        assertTrue(t.core().alerts().recent(tenant).stream().noneMatch(i -> i.pool() == Pool.USER),
                "the user pool is not rising");
    }
}
