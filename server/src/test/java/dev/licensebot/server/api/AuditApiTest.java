package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.api.ApiFixture.Account;
import dev.licensebot.server.api.ApiFixture.Reply;

import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditApiTest {

    @OnBothDatabases
    void theAuditLogListsTheTenantsEntriesNewestFirstSinceADayAndPaged(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = audited(api);
            Account other = api.tenant(1, 1);
            api.server.core().audit().record(Actor.cli(other.tenant().id()), "TERMINATE", "not yours", "done");

            JsonNode all = api.get(account, "/api/v1/audit").json();
            JsonNode recent = api.get(account, "/api/v1/audit?since=2026-03-10&size=1&page=2").json();

            assertEquals(List.of("REPLENISH", "ROLE_CHANGE", "REPLENISH"), texts(all, "action"));
            JsonNode refused = all.get("items").get(0);
            assertEquals("ann@example.com", refused.get("actor").asText());
            assertEquals("SLACK", refused.get("surface").asText());
            assertEquals("2026-03-10T08:30:00Z", refused.get("occurredAt").asText());
            assertEquals("asked to replenish licenses", refused.get("detail").asText());
            assertEquals("refused: role SUPERVISOR", refused.get("outcome").asText());
            assertEquals(3, all.get("totalItems").asInt());
            assertEquals(1, all.get("page").asInt());
            assertEquals(10, all.get("size").asInt());
            assertEquals(1, all.get("totalPages").asInt());
            assertFalse(all.has("since"), all::toString);
            // 00:30 on the 10th in Berlin is 23:30 UTC on the 9th: the day is the tenant's.
            assertEquals(List.of("ROLE_CHANGE"), texts(recent, "action"));
            assertEquals(2, recent.get("totalItems").asInt());
            assertEquals(2, recent.get("totalPages").asInt());
            assertEquals("2026-03-10", recent.get("since").asText());
            assertEquals(List.of("not yours"), texts(api.get(other, "/api/v1/audit").json(), "detail"));
        }
    }

    @OnBothDatabases
    void theAuditLogComesAsCsvWithAHeaderRowAndPagingHeaders(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = audited(api);

            Reply csv = api.getCsv(account, "/api/v1/audit?size=2");

            assertEquals(200, csv.status(), csv::toString);
            assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
            assertEquals(List.of("occurredAt,actor,surface,action,detail,outcome",
                    "2026-03-10T08:30:00Z,ann@example.com,SLACK,REPLENISH,\"asked to replenish licenses\","
                            + "\"refused: role SUPERVISOR\"",
                    "2026-03-09T23:30:00Z,cli,CLI,ROLE_CHANGE,\"ann@example.com is now SUPERVISOR\",granted"),
                    csv.body().lines().toList());
            assertEquals("3", csv.headers().firstValue("X-Total-Items").orElse(""));
            assertEquals("2", csv.headers().firstValue("X-Total-Pages").orElse(""));
        }
    }

    @OnBothDatabases
    void aBadSincePageOrSizeIsRefusedInTheErrorShape(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(1, 1);
            String[][] cases = {{"since=yesterday", "since"}, {"since=2026-02-30", "since"},
                    {"since=1969-12-31", "since"}, {"page=0", "page"}, {"page=x", "page"},
                    {"page=99999999999", "page"}, {"size=101", "size"}, {"size=0", "size"}, {"size=1.5", "size"}};
            for (String[] c : cases) {
                Reply reply = api.get(account, "/api/v1/audit?" + c[0]);
                assertEquals(400, reply.status(), c[0] + " -> " + reply);
                assertEquals("invalid_" + c[1], reply.text("error"), reply::toString);
                assertEquals(c[1], reply.text("field"), reply::toString);
                assertFalse(reply.text("message").isBlank(), reply::toString);
            }
            assertEquals(401, api.get(null, "/api/v1/audit").status());
        }
    }

    /**
     * Europe/Berlin. 2026-03-09 12:00 UTC the CLI adds 5 session licenses; 23:30 UTC (00:30 on the
     * 10th in Berlin) ann@example.com becomes a supervisor; 2026-03-10 08:30 UTC she tries to
     * replenish from Slack and is refused.
     */
    private static Account audited(ApiFixture api) {
        api.clock.set(Instant.parse("2026-03-09T12:00:00Z"));
        Account account = api.tenant(2, 2);
        var core = api.server.core();
        Actor cli = Actor.cli(account.tenant().id());
        core.replenishments().apply(account.tenant(), cli, Pool.SESSION, 5, "PO 1");
        api.clock.set(Instant.parse("2026-03-09T23:30:00Z"));
        core.operators().grant(cli, "ann@example.com", Role.SUPERVISOR);
        api.clock.set(Instant.parse("2026-03-10T08:30:00Z"));
        Actor ann = core.operators().resolve(account.tenant().id(), "ann@example.com", Surface.SLACK);
        assertThrows(Refusal.class, () -> core.replenishments().apply(account.tenant(), ann, Pool.USER, 1, null));
        return account;
    }

    private static List<String> texts(JsonNode list, String field) {
        return StreamSupport.stream(list.get("items").spliterator(), false).map(i -> i.get(field).asText()).toList();
    }
}
