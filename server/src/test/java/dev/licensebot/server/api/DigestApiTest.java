package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.users.UserReport;
import dev.licensebot.server.api.ApiFixture.Account;

import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigestApiTest {

    @OnBothDatabases
    void theDigestGivesEachPoolsWeekAgainstItsThirtyDaysWithTheSizingLine(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = withHistory(api);

            JsonNode digest = api.get(account, "/api/v1/digest").json();

            assertEquals("Europe/Berlin", digest.get("timeZone").asText());
            assertEquals("2026-03-03", digest.get("weekFrom").asText());
            assertEquals("2026-03-10", digest.get("today").asText());
            assertEquals("2026-03-10T08:00:00Z", digest.get("asOf").asText());
            JsonNode sessions = digest.get("session");
            assertEquals(2, sessions.get("weekPeak").asInt());
            assertEquals("2026-03-05", sessions.get("weekPeakDate").asText());
            assertEquals(2, sessions.get("total").asInt());
            assertEquals("0.1", sessions.get("dailyAverage").asText(), "2 on one day of the 19 since the tenant began");
            assertEquals(0, sessions.get("weekDenials").asInt());
            assertTrue(sessions.get("busiestHour").isNull());
            assertTrue(sessions.get("fullAround").isNull());
            assertEquals("All 2 session licenses were in use on 5 Mar, and nobody was refused one this week.",
                    sessions.get("sizing").asText());
            assertEquals(30, sessions.get("dailyMaxima").size());
            assertEquals(2, sessions.get("dailyMaxima").get(24).asInt(), "5 Mar, the 25th of the 30 days");
            assertEquals(30, sessions.get("sparkline").asText().length());
            assertEquals("/api/v1/usage/chart.png?pool=session", sessions.get("chart").asText());
            JsonNode users = digest.get("user");
            assertEquals(2, users.get("weekDenials").asInt());
            assertEquals("2026-03-09T09:00:00Z", users.get("busiestHour").get("from").asText());
            assertEquals(2, users.get("busiestHour").get("denials").asInt());
            assertEquals("2 denials this week: the busiest hour (9 Mar 10:00–11:00) needed 2 more.",
                    users.get("sizing").asText());
            assertEquals(List.of("total", "weekPeak", "weekPeakDate", "dailyAverage", "dailyMax", "weekDenials",
                    "busiestHour", "fullAround", "forecast", "sizing", "dailyMaxima", "sparkline", "chart"),
                    fields(users));
        }
    }

    @OnBothDatabases
    void theDigestNeedsTheTenantsApiKeyAndShowsOnlyItsTenant(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = withHistory(api);
            Account other = api.tenant(3, 3);

            JsonNode theirs = api.get(other, "/api/v1/digest").json();

            assertEquals(0, theirs.get("session").get("weekPeak").asInt());
            assertEquals(0, theirs.get("user").get("weekDenials").asInt());
            assertEquals(401, api.get(null, "/api/v1/digest").status());
            assertEquals(200, api.get(account, "/api/v1/digest").status());
        }
    }

    /**
     * Europe/Berlin, created 2026-02-20 with 2 session and 1 user license: two sessions at once on
     * 5 Mar; a user holds the user license from 9 Mar 09:00 UTC, and two more are refused at 09:10
     * and 09:20 UTC (10:10 and 10:20 in Berlin). As of 2026-03-10 08:00 UTC.
     */
    private static Account withHistory(ApiFixture api) {
        api.clock.set(Instant.parse("2026-02-20T12:00:00Z"));
        Account account = api.tenant(2, 1);
        var core = api.server.core();
        api.clock.set(Instant.parse("2026-03-09T09:00:00Z"));
        for (String agent : List.of("ann", "bob")) {
            core.sessionLicenses().open(account.tenant(), new SessionReport(null, StartedBy.AGENT, agent, null, null,
                    null, "Web widget", List.of(), 0, Instant.parse("2026-03-05T09:00:00Z"),
                    Instant.parse("2026-03-05T10:00:00Z")));
        }
        core.userLicenses().allocate(account.tenant(), user("holder"));
        for (String at : List.of("2026-03-09T09:10:00Z", "2026-03-09T09:20:00Z")) {
            api.clock.set(Instant.parse(at));
            assertThrows(Refusal.class, () -> core.userLicenses().allocate(account.tenant(), user("u" + at)));
        }
        api.clock.set(Instant.parse("2026-03-10T08:00:00Z"));
        return account;
    }

    private static UserReport user(String userId) {
        return new UserReport(userId, userId, userId + "@example.com", null, null, "agent", null);
    }

    private static List<String> fields(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }
}
