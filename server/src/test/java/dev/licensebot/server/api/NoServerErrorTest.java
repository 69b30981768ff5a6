package dev.licensebot.server.api;

import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.api.ApiFixture.Account;
import dev.licensebot.server.api.ApiFixture.Reply;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Odd values in every field and odd ids in every path: each answer is a JSON 2xx or 4xx, never a 5xx. */
class NoServerErrorTest {

    private static final String[] FIELDS = {"sessionId", "startedBy", "username", "email", "role", "agentName",
            "channel", "openInteractions", "conversations", "startedAt", "endedAt", "somethingNew"};

    private static final String[] USER_FIELDS = {"userId", "username", "email", "firstName", "lastName", "role",
            "conversations", "somethingNew"};

    private static final String[] VALUES = {
            "null", "true", "false", "0", "-1", "2147483647", "2147483648", "-2147483649", "1e308", "1e-308",
            "99999999999999999999999999", "0.5", "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"",
            "\"" + "\uD83D\uDE00".repeat(300) + "\"", "\"" + "x".repeat(70_000) + "\"", "\"2026-03-10T08:00:00Z\"",
            "\"9999-12-31T23:59:59Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"1000-01-01T00:00:00Z\"", "[]", "{}",
            "[null]", "[1, 2]", "{\"name\": null, \"instances\": null}",
            "[{\"name\": \"\\u0000\", \"instances\": 0}]",
            "[{\"name\": \"\uD83D\uDE00\", \"instances\": 100000}, {\"name\": \"\uD83D\uDE00 \", \"instances\": 100000}]",
            "[{\"name\": \"" + "\u00e9".repeat(200) + "\", \"instances\": 1}, {\"name\": \"" + "e".repeat(200)
                    + "\", \"instances\": 1}]",
            "\"AGENT\"", "\"Robert'); DROP TABLE agent_session;--\"", "\"s-aaaaaaaaaa\""};

    private static final List<String> READS = List.of("/api/v1/sessions", "/api/v1/usage", "/api/v1/history/users",
            "/api/v1/history/sessions", "/api/v1/history/purchases");

    private static final String[] QUERY_VALUES = {"", "%00", "-0", "1e3", "0x10", "2147483648", "-2147483648",
            "%E2%80%8B", "2026-03-10T00:00", "+2026-03-01", "0001-01-01", "9999-12-31", "x".repeat(3000),
            "ACTIVE", "Agent", "DESC", "%F0%9F%98%80", "1&page=2&page=3"};

    private static final String[] PATH_IDS = {"%20", "a%2Fb", "x".repeat(3000), "%F0%9F%98%80", "..", "%00",
            "%25", "a;b", "s'1", "%E2%80%8B", "-", "null"};

    @OnBothDatabases
    void noFieldValueMakesOpeningOrHeartbeatingFailWithAServerError(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(100_000, 10);
            api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"sessionId\": \"live\"}");
            List<String> failures = new ArrayList<>();
            for (String field : FIELDS) {
                for (String value : VALUES) {
                    String body = "{\"" + field + "\": " + value + "}";
                    // startedBy is required: without it every opening would stop at that refusal.
                    String opening = field.equals("startedBy") ? body
                            : "{\"startedBy\": \"AGENT\", \"" + field + "\": " + value + "}";
                    check(failures, opening, api.post(account, "/api/v1/sessions", opening));
                    check(failures, body, api.post(account, "/api/v1/sessions/live/activity", body));
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    @OnBothDatabases
    void noFieldValueMakesAllocatingAUserFailWithAServerError(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(10, 100_000);
            List<String> failures = new ArrayList<>();
            for (String field : USER_FIELDS) {
                for (String value : VALUES) {
                    String body = "{\"userId\": \"u1\", \"" + field + "\": " + value + "}";
                    check(failures, body, api.post(account, "/api/v1/users", body));
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    @OnBothDatabases
    void noQueryParameterMakesAReadFailWithAServerError(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(10, 10);
            api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"username\": \"ann\"}");
            List<String> failures = new ArrayList<>();
            for (String path : READS) {
                for (String param : List.of("status", "sort", "order", "page", "size", "since")) {
                    for (String value : QUERY_VALUES) {
                        String uri = path + "?" + param + "=" + value;
                        check(failures, uri, api.sendAlone(api.request(account, uri).GET()));
                        check(failures, uri, api.sendAlone(api.request(account, uri).GET().header("Accept", "text/csv")));
                    }
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    @OnBothDatabases
    void importsWithOddInstantsNeverFailWithAServerError(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(10, 10);
            String[] instants = {"\"1970-01-01T00:00:00Z\"", "\"2026-03-10T08:00:00Z\"", "\"2026-03-10T07:59:59.999999999Z\"",
                    "\"2026-03-10T09:00:00+14:00\"", "\"2000-02-29T00:00:00-12:00\"", "\"9999-12-31T00:00:00Z\""};
            List<String> failures = new ArrayList<>();
            for (String start : instants) {
                for (String end : instants) {
                    String body = "{\"startedBy\": \"USER\", \"startedAt\": " + start + ", \"endedAt\": " + end + "}";
                    check(failures, body, api.post(account, "/api/v1/sessions", body));
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    @OnBothDatabases
    void noIdInThePathMakesAServerError(TestDatabase db) {
        try (ApiFixture api = ApiFixture.start(db)) {
            Account account = api.tenant(10, 10);
            List<String> failures = new ArrayList<>();
            for (String id : PATH_IDS) {
                // Jetty closes the connection after refusing a malformed path: one connection per request.
                check(failures, id, api.sendAlone(api.request(account, "/api/v1/sessions/" + id + "/activity")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))));
                check(failures, id, api.sendAlone(api.request(account, "/api/v1/sessions/" + id).DELETE()));
                check(failures, id, api.sendAlone(api.request(account, "/api/v1/users/" + id + "/deactivate")
                        .POST(HttpRequest.BodyPublishers.noBody())));
            }
            assertEquals(List.of(), failures);
        }
    }

    private static void check(List<String> failures, String input, Reply reply) {
        if (reply.status() >= 500) {
            failures.add((input.length() > 100 ? input.substring(0, 100) + "…" : input) + " -> " + reply);
        } else if (reply.status() >= 400) {
            assertTrue(reply.json().hasNonNull("error"), reply::toString);
        }
    }
}
