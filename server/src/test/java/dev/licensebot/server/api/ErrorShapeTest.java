package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.testing.TestDatabases;
import dev.licensebot.server.api.ApiFixture.Account;
import dev.licensebot.server.api.ApiFixture.Reply;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every error the server answers, whoever produced it (our handlers, Javalin, the servlet layer,
 * Jetty's parser), has the body {"error", "message"}, for every method (issue 21: Jetty wrote error
 * pages for GET, POST and HEAD only, and nothing for PUT, DELETE, OPTIONS, ...).
 */
class ErrorShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LISTS = List.of("/api/v1/sessions", "/api/v1/history/users",
            "/api/v1/history/sessions", "/api/v1/history/purchases", "/api/v1/audit");

    @Test
    void oddAcceptHeadersOnEveryListAreAnsweredNotAServerError() {
        try (ApiFixture api = ApiFixture.start(TestDatabases.h2())) {
            Account account = api.tenant(5, 5);
            List<String> failures = new ArrayList<>();
            for (String path : LISTS) {
                for (String accept : new String[]{";", ";;", ",", ", ;", "text/csv;", ";q=1", "text/csv;q=",
                        "text/csv;q=x", "text/csv;q=NaN", "*/*;q=0.5, ;", "text/csv ; q=0.9 ;;", "\t;"}) {
                    Reply reply = api.send(api.request(account, path).GET().header("Accept", accept));
                    if (reply.status() != 200) {
                        failures.add(path + " Accept: " + accept + " -> " + reply);
                    }
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    @Test
    void everyMethodOnEveryKindOfRouteGetsTheErrorShape() {
        try (ApiFixture api = ApiFixture.start(TestDatabases.h2())) {
            Account account = api.tenant(5, 5);
            List<String> failures = new ArrayList<>();
            for (String method : new String[]{"PUT", "PATCH", "OPTIONS", "TRACE", "DELETE", "POST", "M123"}) {
                for (String path : new String[]{"/api/v1/sessions", "/api/v1/sessions/s1", "/api/v1/usage",
                        "/api/messages", "/slack/events", "/healthz", "/metrics", "/nothing"}) {
                    for (Account who : new Account[]{account, null}) {
                        Reply reply = api.sendAlone(api.request(who, path)
                                .method(method, HttpRequest.BodyPublishers.ofString("{}")));
                        if (reply.status() >= 400 && !hasErrorShape(reply.body())) {
                            failures.add(method + " " + path + (who == null ? "" : " (key)") + " -> " + reply);
                        }
                    }
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    @Test
    void requestsJettyRefusesGetTheErrorShapeToo() {
        try (ApiFixture api = ApiFixture.start(TestDatabases.h2())) {
            Account account = api.tenant(5, 5);
            String key = "Authorization: Bearer " + account.key() + "\r\n";
            String[][] cases = {
                    {"DELETE /api/v1/sessions/%FF%FE HTTP/1.1\r\nHost: a\r\n" + key + "\r\n", "400"},
                    {"DELETE /api/v1/sessions/%C0%AF HTTP/1.1\r\nHost: a\r\n" + key + "\r\n", "400"},
                    {"POST /api/v1/sessions/%E2%82/activity HTTP/1.1\r\nHost: a\r\n" + key
                            + "Content-Length: 2\r\n\r\n{}", "400"},
                    {"GET /api/v1/sessions%FF HTTP/1.1\r\nHost: a\r\n" + key + "\r\n", "400"},
                    {"OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", "404"},
                    {"GET /api/v1/sessions HTTP/1.1\r\nHost: a\r\n" + key + "X-Big: " + "x".repeat(9_000) + "\r\n\r\n",
                            "431"},
                    {"PUT /api/v1/sessions HTTP/1.1\r\nHost: a\r\n" + key + "X-Big: " + "x".repeat(20_000) + "\r\n\r\n",
                            "431"},
                    {"GET /api/v1/usage HTTP/1.1\r\n\r\n", "400"},
                    {"GET /" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: a\r\n\r\n", "414"},
            };
            List<String> failures = new ArrayList<>();
            for (String[] c : cases) {
                try (RawConnection http = new RawConnection(api.server.port())) {
                    http.send(c[0]);
                    String answer = http.answer(5_000);
                    String line = c[0].substring(0, Math.min(60, c[0].indexOf("\r\n")));
                    if (RawConnection.status(answer) != Integer.parseInt(c[1]) || !hasErrorShape(RawConnection.body(answer))
                            || RawConnection.body(answer).contains("org.eclipse")) {
                        failures.add(line + " -> " + answer);
                    }
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    private static boolean hasErrorShape(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.path("error").isTextual() && json.path("message").isTextual();
        } catch (Exception e) {
            return false;
        }
    }
}
