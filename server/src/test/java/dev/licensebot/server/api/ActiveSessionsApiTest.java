package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.api.ApiFixture.Account;
import dev.licensebot.server.api.ApiFixture.Reply;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActiveSessionsApiTest {

    @OnBothDatabases
    void theActiveListIsSortedAndPagedAsAsked(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = threeSessions(api);

            JsonNode first = api.get(account, "/api/v1/sessions?status=active&sort=agent&order=desc&page=1&size=2").json();
            JsonNode second = api.get(account, "/api/v1/sessions?sort=agent&order=desc&page=2&size=2").json();

            assertEquals(List.of("cy", "bob"), agents(first));
            assertEquals(List.of("ann"), agents(second));
            assertEquals(1, first.get("page").asInt());
            assertEquals(2, first.get("size").asInt());
            assertEquals(3, first.get("totalItems").asInt());
            assertEquals(2, first.get("totalPages").asInt());
            assertEquals("active", first.get("status").asText());
            assertEquals("agent", first.get("sort").asText());
            assertEquals("desc", first.get("order").asText());
        }
    }

    @OnBothDatabases
    void theActiveListDefaultsToOldestFirstAndLeavesOutClosedSessions(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = threeSessions(api);
            api.delete(account, "/api/v1/sessions/b");

            JsonNode list = api.get(account, "/api/v1/sessions").json();

            assertEquals(List.of("cy", "ann"), agents(list));
            assertEquals("start", list.get("sort").asText());
            assertEquals("asc", list.get("order").asText());
        }
    }

    @OnBothDatabases
    void theActiveListSortsByOpenInteractions(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = threeSessions(api);

            JsonNode list = api.get(account, "/api/v1/sessions?sort=interactions&order=desc").json();

            assertEquals(List.of("bob", "ann", "cy"), agents(list));
        }
    }

    @OnBothDatabases
    void anEmptyActiveListIsAnEmptyPage(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            JsonNode list = api.get(api.tenant(1, 1), "/api/v1/sessions").json();

            assertEquals(0, list.get("items").size());
            assertEquals(0, list.get("totalItems").asInt());
            assertEquals(1, list.get("totalPages").asInt());
        }
    }

    @OnBothDatabases
    void theActiveListComesAsCsvWhenAskedFor(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = threeSessions(api);

            Reply csv = api.getCsv(account, "/api/v1/sessions?sort=agent&size=2");

            assertEquals(200, csv.status(), csv::toString);
            assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
            List<String> lines = csv.body().lines().toList();
            assertEquals(3, lines.size(), csv::body);
            assertEquals("sessionId,status,startedBy,agent,guest,username,email,role,agentName,channel,conversations,"
                    + "openInteractionCount,openInteractions,startedAt,lastActivityAt,endedAt,endReason,terminatedBy",
                    lines.get(0));
            assertTrue(lines.get(1).startsWith("a,OPEN,AGENT,ann,false,ann,"), lines.get(1));
            assertTrue(lines.get(1).contains(",2,Chat:1;Email:1,2026-03-10T08:02:00Z,"), lines.get(1));
            assertEquals("3", csv.headers().firstValue("X-Total-Items").orElse(""));
            assertEquals("2", csv.headers().firstValue("X-Total-Pages").orElse(""));
        }
    }

    @OnBothDatabases
    void csvIsChosenOnlyWhenTheClientPrefersItToJson(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            String[][] cases = {{"text/csv", "text/csv"}, {"text/csv;q=0.9, */*;q=0.1", "text/csv"},
                    {"application/json, text/csv", "application/json"}, {"*/*", "application/json"},
                    {"application/json;q=0.5, text/csv", "text/csv"}, {"text/csv;q=nonsense", "application/json"}};
            for (String[] c : cases) {
                Reply reply = api.send(api.request(account, "/api/v1/sessions").GET().header("Accept", c[0]));
                assertTrue(reply.contentType().startsWith(c[1]), c[0] + " -> " + reply.contentType());
            }
        }
    }

    @OnBothDatabases
    void aStatusOtherThanActiveIsRefused(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Reply reply = api.get(api.tenant(1, 1), "/api/v1/sessions?status=closed");

            assertEquals(400, reply.status(), reply::toString);
            assertEquals("invalid_status", reply.text("error"));
            assertEquals("status", reply.text("field"));
        }
    }

    @OnBothDatabases
    void badSortOrderOrPagingIsRefusedNamingTheParameter(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            String[][] cases = {
                    {"sort=color", "sort"}, {"order=sideways", "order"}, {"page=0", "page"}, {"page=x", "page"},
                    {"page=99999999999", "page"}, {"size=101", "size"}, {"size=-1", "size"}, {"size=1.5", "size"}};
            for (String[] c : cases) {
                Reply reply = api.get(account, "/api/v1/sessions?" + c[0]);
                assertEquals(400, reply.status(), c[0] + " -> " + reply);
                assertEquals(c[1], reply.text("field"), c[0] + " -> " + reply);
                assertEquals("invalid_" + c[1], reply.text("error"), c[0] + " -> " + reply);
            }
        }
    }

    /** ann (2 interactions, started 08:02), bob (3, 08:01), cy (0, 08:00). */
    private static Account threeSessions(ApiFixture api) {
        Account account = api.tenant(5, 5);
        api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"c\", \"username\": \"cy\"}");
        api.clock.advance(Duration.ofMinutes(1));
        api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"b\", \"username\": \"bob\", "
                + "\"openInteractions\": [{\"name\": \"Chat\", \"instances\": 3}]}");
        api.clock.advance(Duration.ofMinutes(1));
        api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"a\", \"username\": \"ann\", "
                + "\"openInteractions\": [{\"name\": \"Email\", \"instances\": 1}, {\"name\": \"Chat\", \"instances\": 1}]}");
        return account;
    }

    private static List<String> agents(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.get("items").spliterator(), false)
                .map(item -> item.get("agent").asText()).toList();
    }
}
