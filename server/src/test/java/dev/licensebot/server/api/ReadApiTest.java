package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.api.ApiFixture.Account;
import dev.licensebot.server.api.ApiFixture.Reply;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadApiTest {

    @OnBothDatabases
    void usageShowsBothPoolsWithCurrentDailyFiguresAndDenials(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = busyTenant(api);

            Reply reply = api.get(account, "/api/v1/usage");

            assertEquals(200, reply.status(), reply::toString);
            JsonNode session = reply.json().get("session");
            assertEquals(2, session.get("inUse").asInt());
            assertEquals(2, session.get("total").asInt());
            assertEquals(2, session.get("dailyMax").asInt());
            assertEquals("2026-03-10", session.get("dailyMaxDate").asText());
            assertEquals(new BigDecimal("1.0"), session.get("dailyAverage").decimalValue(), reply::toString);
            assertEquals(1, session.get("deniedToday").asInt());
            JsonNode user = reply.json().get("user");
            assertEquals(1, user.get("inUse").asInt());
            assertEquals(3, user.get("total").asInt());
            assertEquals(0, user.get("deniedToday").asInt());
            assertEquals("Europe/Berlin", reply.text("timeZone"));
            assertEquals("2026-03-10", reply.text("today"));
        }
    }

    @OnBothDatabases
    void usageComesAsCsvWithOneRowPerPool(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = busyTenant(api);

            Reply csv = api.getCsv(account, "/api/v1/usage");

            assertEquals(200, csv.status(), csv::toString);
            assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
            assertEquals(List.of("pool,inUse,total,dailyAverage,dailyMax,dailyMaxDate,deniedToday",
                    "SESSION,2,2,1.0,2,2026-03-10,1", "USER,1,3,0.7,2,2026-03-10,0"), csv.body().lines().toList());
        }
    }

    @OnBothDatabases
    void theSessionHistoryListsOpenAndClosedSessionsNewestFirstSinceADay(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = busyTenant(api);

            JsonNode all = api.get(account, "/api/v1/history/sessions").json();
            JsonNode recent = api.get(account, "/api/v1/history/sessions?since=2026-03-09&size=1&page=2").json();

            assertEquals(List.of("b", "a", "old"), ids(all, "sessionId"));
            assertEquals("CLOSED", all.get("items").get(2).get("status").asText());
            assertEquals("LOGOUT", all.get("items").get(2).get("endReason").asText());
            assertEquals(List.of("a"), ids(recent, "sessionId"));
            assertEquals(2, recent.get("totalItems").asInt());
            assertEquals(2, recent.get("totalPages").asInt());
            assertEquals("2026-03-09", recent.get("since").asText());
        }
    }

    @OnBothDatabases
    void theUserAndPurchaseHistoriesShowWhatHappened(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = busyTenant(api);
            api.server.core().replenishments().apply(account.tenant(), Actor.cli(account.tenant().id()), Pool.SESSION,
                    5, "PO 4711");

            JsonNode users = api.get(account, "/api/v1/history/users").json();
            JsonNode purchases = api.get(account, "/api/v1/history/purchases").json();

            assertEquals(List.of("u-bob", "u-ann"), ids(users, "userId"));
            assertEquals("INACTIVE", users.get("items").get(0).get("status").asText());
            JsonNode purchase = purchases.get("items").get(0);
            assertEquals("SESSION", purchase.get("pool").asText());
            assertEquals(5, purchase.get("delta").asInt());
            assertEquals(7, purchase.get("totalAfter").asInt());
            assertEquals("PO 4711", purchase.get("reason").asText());
            assertEquals("2026-03-10T08:02:00Z", purchase.get("occurredAt").asText());
        }
    }

    @OnBothDatabases
    void theHistoriesComeAsCsvWithAHeaderRow(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = busyTenant(api);
            api.server.core().replenishments().apply(account.tenant(), Actor.cli(account.tenant().id()), Pool.USER,
                    -1, "unused");

            List<String> sessions = api.getCsv(account, "/api/v1/history/sessions").body().lines().toList();
            List<String> users = api.getCsv(account, "/api/v1/history/users").body().lines().toList();
            List<String> purchases = api.getCsv(account, "/api/v1/history/purchases").body().lines().toList();

            assertEquals(4, sessions.size(), sessions::toString);
            assertTrue(sessions.get(0).startsWith("sessionId,status,"), sessions.get(0));
            assertTrue(sessions.get(3).startsWith("old,CLOSED,AGENT,Guest,true,"), sessions.get(3));
            assertTrue(sessions.get(2).contains(",Chat:2;Email:1,"), sessions.get(2));
            assertEquals("userId,username,email,firstName,lastName,role,status,statusChangedAt,conversations",
                    users.get(0));
            assertTrue(users.get(1).startsWith("u-bob,bob,,,,,INACTIVE,2026-03-10T08:02:00Z,"), users.get(1));
            assertEquals(List.of("pool,occurredAt,delta,totalAfter,actor,reason",
                    "USER,2026-03-10T08:02:00Z,-1,2,cli,unused"), purchases);
        }
    }

    @OnBothDatabases
    void csvTextThatASpreadsheetWouldRunAsAFormulaIsQuotedButNegativeNumbersStayNumbers(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(5, 5);
            Reply opened = api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"s1\", \"username\": \"@SUM(A1)\", "
                    + "\"agentName\": \"+cmd\", \"channel\": \"-2+3\", \"role\": \"=1+1\"}");
            api.server.core().replenishments().apply(account.tenant(), Actor.cli(account.tenant().id()), Pool.USER,
                    -1, "=HYPERLINK(evil)");

            List<String> sessions = api.getCsv(account, "/api/v1/sessions").body().lines().toList();
            List<String> purchases = api.getCsv(account, "/api/v1/history/purchases").body().lines().toList();

            assertEquals(201, opened.status(), opened::toString);
            // The quote also makes the CSV writer quote the cell, as OWASP advises too.
            assertTrue(sessions.get(1).startsWith("s1,OPEN,AGENT,\"'@SUM(A1)\",false,\"'@SUM(A1)\",,\"'=1+1\","
                    + "\"'+cmd\",\"'-2+3\",0,0,,"), sessions.get(1));
            assertEquals("USER,2026-03-10T08:00:00Z,-1,4,cli,\"'=HYPERLINK(evil)\"", purchases.get(1));
        }
    }

    @OnBothDatabases
    void anotherTenantsKeySeesNoneOfTheHistoriesOrUsage(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            busyTenant(api);
            Account other = api.tenant(4, 4);

            for (String kind : List.of("users", "sessions", "purchases")) {
                assertEquals(0, api.get(other, "/api/v1/history/" + kind).json().get("totalItems").asInt(), kind);
            }
            JsonNode usage = api.get(other, "/api/v1/usage").json();
            assertEquals(0, usage.get("session").get("inUse").asInt());
            assertEquals(0, usage.get("session").get("deniedToday").asInt());
            assertEquals(4, usage.get("session").get("total").asInt());
        }
    }

    @OnBothDatabases
    void aBadSinceOrAnUnknownHistoryIsRefused(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            for (String since : List.of("yesterday", "2026-13-01", "2026-02-30", "99999-01-01", "1969-12-31")) {
                Reply reply = api.get(account, "/api/v1/history/sessions?since=" + since);
                assertEquals(400, reply.status(), since + " -> " + reply);
                assertEquals("invalid_since", reply.text("error"));
                assertEquals("since", reply.text("field"));
            }
            assertEquals("invalid_size", api.get(account, "/api/v1/history/users?size=500").text("error"));
            Reply unknown = api.get(account, "/api/v1/history/invoices");
            assertEquals(404, unknown.status(), unknown::toString);
            assertEquals("not_found", unknown.text("error"));
        }
    }

    /**
     * Europe/Berlin; an imported session on 8 March; on 10 March two live sessions (a with Chat:2
     * and Email:1, then b) fill the pool, a third is denied; ann holds a user license, bob held one.
     */
    private static Account busyTenant(ApiFixture api) {
        Account account = api.tenant(2, 3);
        api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"old\", \"startedAt\": \"2026-03-08T10:00:00Z\", "
                + "\"endedAt\": \"2026-03-08T12:00:00Z\"}");
        api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"a\", \"username\": \"ann\", \"openInteractions\": "
                + "[{\"name\": \"Chat\", \"instances\": 2}, {\"name\": \"Email\", \"instances\": 1}]}");
        api.post(account, "/api/v1/users", "{\"userId\": \"u-ann\", \"username\": \"ann\"}");
        api.clock.advance(Duration.ofMinutes(1));
        api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"b\", \"username\": \"bob\"}");
        assertEquals(409, api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"username\": \"cy\"}").status());
        api.post(account, "/api/v1/users", "{\"userId\": \"u-bob\", \"username\": \"bob\"}");
        api.clock.advance(Duration.ofMinutes(1));
        api.post(account, "/api/v1/users/u-bob/deactivate", "");
        return account;
    }

    private static List<String> ids(JsonNode list, String field) {
        return StreamSupport.stream(list.get("items").spliterator(), false).map(i -> i.get(field).asText()).toList();
    }
}
