package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.alerts.IncidentAction;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.api.ApiFixture.Account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertsApiTest {

    @OnBothDatabases
    void alertsListLiveIncidentsFirstThenResolvedOnesWithWhoAcknowledged(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(4, 10);
            Account other = api.tenant(4, 10);
            var core = api.server.core();
            core.operators().grant(Actor.cli(account.tenant().id()), "ann@example.com", Role.ACCOUNT_ADMIN);
            Actor ann = core.operators().resolve(account.tenant().id(), "ann@example.com", Surface.SLACK);
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sessions.add(core.sessionLicenses().open(account.tenant(), SessionReport.live(null, "a" + i, "Chat"))
                        .session().id());
            }
            assertThrows(Refusal.class, () -> core.sessionLicenses().open(account.tenant(),
                    SessionReport.live(null, "late", "Chat")));
            core.alerting().evaluate(account.tenant().id());
            sessions.forEach(id -> core.sessionLicenses().logout(account.tenant(), id));
            core.alerting().evaluate(account.tenant().id());
            api.clock.advance(Duration.ofMinutes(15));
            core.alerting().evaluate(account.tenant().id());
            for (int i = 0; i < 4; i++) {
                core.sessionLicenses().open(account.tenant(), SessionReport.live(null, "b" + i, "Chat"));
            }
            core.alerting().evaluate(account.tenant().id());
            JsonNode live = api.get(account, "/api/v1/alerts").json().get("incidents").get(0);
            core.alerts().answer(account.tenant(), ann, new AlertPlace(Surface.SLACK, "T", "C", "#ops"),
                    new AlertsChange.Press(live.get("id").asText(), IncidentAction.ACKNOWLEDGE));

            JsonNode incidents = api.get(account, "/api/v1/alerts").json().get("incidents");

            assertEquals(2, incidents.size(), incidents::toString);
            JsonNode now = incidents.get(0);
            assertEquals("CAPACITY", now.get("kind").asText());
            assertEquals("session", now.get("pool").asText());
            assertTrue(now.get("live").asBoolean());
            assertEquals(100, now.get("level").asInt());
            assertEquals(4, now.get("peak").asInt());
            assertEquals("ann@example.com", now.get("acknowledgedBy").asText());
            assertEquals("2026-03-10T08:15:00Z", now.get("startedAt").asText());
            JsonNode resolved = incidents.get(1);
            assertTrue(!resolved.get("live").asBoolean());
            assertEquals(1, resolved.get("denials").asInt());
            assertEquals("2026-03-10T08:00:00Z", resolved.get("resolvedAt").asText());
            assertTrue(resolved.get("acknowledgedBy").isNull());
            assertEquals(0, api.get(other, "/api/v1/alerts").json().get("incidents").size(),
                    "another tenant's alerts are not shown");
        }
    }
}
