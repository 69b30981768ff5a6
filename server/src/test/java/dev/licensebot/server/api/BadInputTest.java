package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.api.ApiFixture.Account;
import dev.licensebot.server.api.ApiFixture.Reply;

import java.time.Duration;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad body is a 400 with a stable code, naming the field where there is one. */
class BadInputTest {

    /** body, expected error code, expected field (null: the body as a whole). */
    private static final String[][] SESSION_BODIES = {
            {"", "invalid_json", null},
            {"   ", "invalid_json", null},
            {"not json", "invalid_json", null},
            {"[]", "invalid_json", null},
            {"[{\"username\": \"ann\"}]", "invalid_json", null},
            {"\"text\"", "invalid_json", null},
            {"null", "invalid_json", null},
            {"42", "invalid_json", null},
            {"{\"username\": \"ann\"", "invalid_json", null},
            {"{} {}", "invalid_json", null},
            {"{\"username\": \"ann\", \"username\": \"bob\"}", "invalid_json", null},
            // Syntax errors inside a field's value are the body's, not the field's.
            {"{\"conversations\": tru}", "invalid_json", null},
            {"{\"conversations\": 3", "invalid_json", null},
            {"{\"openInteractions\": [{\"name\": \"Chat\", \"instances\": 1}", "invalid_json", null},
            {"{\"openInteractions\": [{\"name\": \"Chat\", \"instances\": 1, \"instances\": 2}]}",
                    "invalid_json", null},
            {"{\"conversations\": 3} x", "invalid_json", null},
            {"{\"conversations\": 99999999999999999999}", "invalid_conversations", "conversations"},
            {"{\"conversations\": 3000000000}", "invalid_conversations", "conversations"},
            {"{\"conversations\": 2000000000}", "invalid_conversations", "conversations"},
            {"{\"conversations\": -1}", "invalid_conversations", "conversations"},
            {"{\"conversations\": \"5\"}", "invalid_conversations", "conversations"},
            {"{\"conversations\": 1.5}", "invalid_conversations", "conversations"},
            {"{\"conversations\": 1e400}", "invalid_conversations", "conversations"},
            {"{\"conversations\": true}", "invalid_conversations", "conversations"},
            {"{\"startedBy\": \"ROBOT\"}", "invalid_startedBy", "startedBy"},
            {"{\"startedBy\": 1}", "invalid_startedBy", "startedBy"},
            {"{\"username\": 5}", "invalid_username", "username"},
            {"{\"username\": {\"first\": \"ann\"}}", "invalid_username", "username"},
            {"{\"username\": [\"ann\"]}", "invalid_username", "username"},
            {"{\"username\": \"" + "x".repeat(201) + "\"}", "invalid_username", "username"},
            {"{\"email\": \"" + "x".repeat(255) + "\"}", "invalid_email", "email"},
            {"{\"sessionId\": \"has space\"}", "invalid_sessionId", "sessionId"},
            {"{\"sessionId\": \"" + "s".repeat(65) + "\"}", "invalid_sessionId", "sessionId"},
            {"{\"sessionId\": 7}", "invalid_sessionId", "sessionId"},
            {"{\"openInteractions\": \"Chat\"}", "invalid_openInteractions", "openInteractions"},
            {"{\"openInteractions\": {\"name\": \"Chat\", \"instances\": 1}}", "invalid_openInteractions",
                    "openInteractions"},
            {"{\"openInteractions\": [null]}", "invalid_openInteractions", "openInteractions[0]"},
            {"{\"openInteractions\": [{\"name\": \"Chat\"}]}", "invalid_openInteractions",
                    "openInteractions[0].instances"},
            {"{\"openInteractions\": [{\"name\": \"Chat\", \"instances\": 99999999999}]}",
                    "invalid_openInteractions", "openInteractions[0].instances"},
            {"{\"openInteractions\": [{\"name\": \"Chat\", \"instances\": -1}]}", "invalid_openInteractions",
                    "openInteractions"},
            {"{\"openInteractions\": [{\"instances\": 1}]}", "invalid_openInteractions", "openInteractions"},
            {"{\"openInteractions\": [{\"name\": 5, \"instances\": 1}]}", "invalid_openInteractions",
                    "openInteractions[0].name"},
            {"{\"openInteractions\": [" + "{\"name\": \"n\", \"instances\": 1},".repeat(200)
                    + "{\"name\": \"n\", \"instances\": 1}]}", "invalid_openInteractions", "openInteractions"},
            {"{\"startedAt\": \"yesterday\", \"endedAt\": \"2026-03-01T08:00:00Z\"}", "invalid_startedAt", "startedAt"},
            {"{\"startedAt\": 1700000000, \"endedAt\": \"2026-03-01T08:00:00Z\"}", "invalid_startedAt", "startedAt"},
            {"{\"startedAt\": \"1969-12-31T00:00:00Z\", \"endedAt\": \"2026-03-01T08:00:00Z\"}", "invalid_startedAt",
                    "startedAt"},
            {"{\"startedAt\": \"-999999999-01-01T00:00:00Z\", \"endedAt\": \"2026-03-01T08:00:00Z\"}",
                    "invalid_startedAt", "startedAt"},
            {"{\"startedAt\": \"2026-02-30T08:00:00Z\", \"endedAt\": \"2026-03-01T08:00:00Z\"}", "invalid_startedAt",
                    "startedAt"},
            {"{\"startedAt\": \"2026-03-01T08:00:00Z\"}", "invalid_endedAt", "endedAt"},
            {"{\"endedAt\": \"2026-03-01T08:00:00Z\"}", "invalid_startedAt", "startedAt"},
            {"{\"startedAt\": \"2026-03-01T09:00:00Z\", \"endedAt\": \"2026-03-01T08:00:00Z\"}", "invalid_endedAt",
                    "endedAt"},
            {"{\"startedAt\": \"2026-03-01T09:00:00Z\", \"endedAt\": \"2027-03-01T08:00:00Z\"}", "invalid_endedAt",
                    "endedAt"},
    };

    @OnBothDatabases
    void everyBadSessionBodyIsA400NamingItsFieldAndOpensNothing(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(5, 5);
            for (String[] c : SESSION_BODIES) {
                String body = withStartedBy(c[0]);
                Reply reply = api.post(account, "/api/v1/sessions", body);
                assertBadRequest(reply, c[1], c[2], abbreviated(body));
            }
            JsonNode list = api.get(account, "/api/v1/sessions").json();
            assertEquals(0, list.get("totalItems").asInt(), list::toString);
        }
    }

    @OnBothDatabases
    void everyBadHeartbeatIsA400AndLeavesTheSessionAsItWas(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(5, 5);
            api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"s1\", \"conversations\": 3, "
                    + "\"openInteractions\": [{\"name\": \"Chat\", \"instances\": 2}]}");
            api.clock.advance(Duration.ofMinutes(5));
            String before = api.get(account, "/api/v1/sessions").json().get("items").get(0).toString();
            for (String[] c : SESSION_BODIES) {
                if (c[2] != null && !c[2].startsWith("conversations") && !c[2].startsWith("openInteractions")) {
                    continue; // a heartbeat only carries these two fields
                }
                Reply reply = api.post(account, "/api/v1/sessions/s1/activity", c[0]);
                assertBadRequest(reply, c[1], c[2], abbreviated(c[0]));
            }
            String after = api.get(account, "/api/v1/sessions").json().get("items").get(0).toString();
            assertEquals(before, after);
        }
    }

    @OnBothDatabases
    void interactionNamesThatDifferOnlyInCaseOrAccentsAreKeptApartNotRefused(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(5, 5);

            Reply opened = api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"openInteractions\": [{\"name\": \"Café\", "
                    + "\"instances\": 1}, {\"name\": \"cafe\", \"instances\": 2}, {\"name\": \"CAFE \", \"instances\": 1}]}");

            assertEquals(201, opened.status(), opened::toString);
            assertEquals(3, opened.json().get("openInteractions").size(), opened::toString);
            assertEquals("CAFE", opened.json().get("openInteractions").get(2).get("name").asText(), "trimmed");
            assertEquals(4, opened.json().get("openInteractionCount").asInt());
            Reply beat = api.post(account, "/api/v1/sessions/" + opened.text("sessionId") + "/activity",
                    "{\"openInteractions\": [{\"name\": \"Chat\", \"instances\": 1}, {\"name\": \"chat\", \"instances\": 1}]}");
            assertEquals(200, beat.status(), beat::toString);
            assertEquals(2, beat.json().get("openInteractionCount").asInt());
        }
    }

    @OnBothDatabases
    void aBodyOverTheSizeLimitIsRefusedWith413(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(5, 5);

            Reply reply = api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"username\": \"" + "x".repeat(2_000_000) + "\"}");

            assertEquals(413, reply.status(), () -> abbreviated(reply.toString()));
            assertEquals("payload_too_large", reply.text("error"));
        }
    }

    @OnBothDatabases
    void aSessionWithoutStartedByIsRefusedNamingItAndOpensNothing(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(5, 5);

            Reply reply = api.post(account, "/api/v1/sessions", "{\"username\": \"ann\"}");
            Reply imported = api.post(account, "/api/v1/sessions", "{\"username\": \"ann\", "
                    + "\"startedAt\": \"2026-03-01T08:00:00Z\", \"endedAt\": \"2026-03-01T09:00:00Z\"}");

            assertBadRequest(reply, "invalid_startedBy", "startedBy", "no startedBy");
            assertTrue(reply.text("message").contains("USER") && reply.text("message").contains("AGENT"), reply::toString);
            assertBadRequest(imported, "invalid_startedBy", "startedBy", "an import without startedBy");
            assertEquals(0, api.get(account, "/api/v1/sessions").json().get("totalItems").asInt());
        }
    }

    @OnBothDatabases
    void unknownFieldsAreRefusedNamingTheFieldAndChangeNothing(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(5, 5);
            api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"s1\"}");

            Reply typo = api.post(account, "/api/v1/sessions", "{\"startedBy\": \"USER\", \"usrname\": \"ann\"}");
            Reply nested = api.post(account, "/api/v1/sessions", "{\"startedBy\": \"USER\", "
                    + "\"openInteractions\": [{\"name\": \"Chat\", \"instances\": 1, \"count\": 2}]}");
            Reply beat = api.post(account, "/api/v1/sessions/s1/activity", "{\"conversations\": 2, \"username\": \"x\"}");
            Reply user = api.post(account, "/api/v1/users", "{\"userId\": \"u1\", \"first_name\": \"Ann\"}");

            assertBadRequest(typo, "unknown_field", "usrname", "usrname");
            assertTrue(typo.text("message").contains("\"usrname\"") && typo.text("message").contains("username"),
                    typo::toString);
            assertBadRequest(nested, "unknown_field", "openInteractions[0].count", "nested");
            assertBadRequest(beat, "unknown_field", "username", "heartbeat");
            assertBadRequest(user, "unknown_field", "first_name", "user");
            assertEquals(1, api.get(account, "/api/v1/sessions").json().get("totalItems").asInt(), "only s1");
            assertEquals(0, api.get(account, "/api/v1/usage").json().path("user").path("inUse").asInt());
        }
    }

    @OnBothDatabases
    void namesWithControlOrDirectionOverrideCharactersAreRefusedNamingTheField(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(5, 5);
            String[] hidden = {"\\u0000", "\\u001b", "\\n", "\\u007f", "\\u202e", "\\u2066"};
            for (String field : new String[]{"username", "email", "role", "agentName", "channel"}) {
                for (String h : hidden) {
                    String body = "{\"startedBy\": \"AGENT\", \"" + field + "\": \"ann" + h + "x\"}";
                    assertBadRequest(api.post(account, "/api/v1/sessions", body), "invalid_" + field, field, body);
                }
            }
            for (String h : hidden) {
                String body = "{\"startedBy\": \"AGENT\", \"openInteractions\": [{\"name\": \"Chat" + h
                        + "x\", \"instances\": 1}]}";
                Reply reply = api.post(account, "/api/v1/sessions", body);
                assertEquals(400, reply.status(), reply::toString);
                assertEquals("openInteractions.name", reply.text("field"), reply::toString);
            }
            for (String field : new String[]{"username", "email", "firstName", "lastName", "role"}) {
                String body = "{\"userId\": \"u1\", \"" + field + "\": \"\\u202enimda\"}";
                assertBadRequest(api.post(account, "/api/v1/users", body), "invalid_" + field, field, body);
            }
            assertEquals(0, api.get(account, "/api/v1/sessions").json().get("totalItems").asInt());
            assertEquals(0, api.get(account, "/api/v1/usage").json().path("user").path("inUse").asInt());
        }
    }

    /** Neither Java's names nor Jackson's: the request's own terms. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)jackson|fasterxml|dev\\.licensebot|java\\.|Feature|Constraints|Exception|`|\\(code \\d+\\)|"
                    + "START_|END_|VALUE_|Source:|\\bbound as\\b|\\bclass\\b");

    @OnBothDatabases
    void badJsonIsExplainedInTheRequestsTermsNotJacksons(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(5, 5);
            String[] bodies = {"{\"startedBy\": \"AGENT\"} x", "{} {}", "{} []", "not json", "{\"startedBy\": ",
                    "{\"startedBy\": \"AGENT\", \"startedBy\": \"USER\"}", "{'startedBy': 'AGENT'}",
                    "{\"conversations\": " + "1".repeat(1100) + "}", "{\"a\": " + "[".repeat(1100) + "}",
                    "{\"" + "n".repeat(60_000) + "\": 1}", "{\"startedBy\": \"AGENT\", \"conversations\": 1e99999}",
                    "{\"startedBy\": \"ROBOT\"}", "{\"startedBy\": \"AGENT\", \"openInteractions\": [{\"name\": []}]}",
                    "{\"startedBy\": \"AGENT\", \"conversations\": NaN}", "\ufeff{}", "{\"startedBy\": \"AGENT\"}\u0000"};
            for (String body : bodies) {
                for (String path : new String[]{"/api/v1/sessions", "/api/v1/sessions/s1/activity", "/api/v1/users"}) {
                    Reply reply = api.post(account, path, body);
                    assertTrue(reply.status() == 400 || reply.status() == 404, () -> abbreviated(body) + " -> " + reply);
                    String message = reply.text("message");
                    assertFalse(message == null || message.isBlank(), reply::toString);
                    assertFalse(INTERNALS.matcher(message).find(), () -> abbreviated(body) + " -> " + message);
                }
            }
            assertEquals(0, api.get(account, "/api/v1/sessions").json().get("totalItems").asInt());
        }
    }

    /** The body as opened by a client that says who started the session, unless it already says. */
    private static String withStartedBy(String body) {
        return body.startsWith("{\"") && !body.contains("\"startedBy\"")
                ? "{\"startedBy\": \"AGENT\", " + body.substring(1) : body;
    }

    private static void assertBadRequest(Reply reply, String code, String field, String input) {
        assertEquals(400, reply.status(), () -> input + " -> " + reply);
        assertEquals(code, reply.text("error"), () -> input + " -> " + reply);
        assertEquals(field, reply.text("field"), () -> input + " -> " + reply);
        assertFalse(reply.text("message").isBlank(), () -> input + " -> " + reply);
        assertNull(reply.json().get("stackTrace"));
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
