package dev.licensebot.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensebot.core.testing.TestDatabases;
import dev.licensebot.server.api.ApiFixture.Account;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each route takes bodies up to what its senders really send: Slack 512 kB, Teams and the REST API
 * 256 kB, any other route 16 kB. Larger is a 413 in the error shape, before the body is read when its
 * length is declared, as soon as the cap is passed when it is not.
 */
class BodyCapsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void declaredBodiesOverTheirRoutesCapAreRefusedBeforeTheyAreRead() throws Exception {
        try (ApiFixture api = ApiFixture.start(TestDatabases.h2())) {
            Account account = api.tenant(5, 5);
            String[][] cases = {{"/api/v1/sessions", "300000"}, {"/api/v1/users", "300000"},
                    {"/api/messages", "300000"}, {"/slack/events", "600000"}, {"/healthz", "20000"},
                    {"/no/such/route", "20000"}};
            for (String[] c : cases) {
                try (RawConnection http = new RawConnection(api.server.port())) {
                    http.send("POST " + c[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + account.key()
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + c[1] + "\r\n\r\n");
                    String answer = http.answer(5_000);
                    assertEquals(413, RawConnection.status(answer), c[0] + ": " + answer);
                    JsonNode error = json(answer);
                    assertEquals("payload_too_large", error.path("error").asText(), answer);
                    assertTrue(error.path("message").asText().contains("at most"), answer);
                }
            }
        }
    }

    @Test
    void bodiesUpToTheCapArePassedOnWhole() {
        try (ApiFixture api = ApiFixture.start(TestDatabases.h2())) {
            Account account = api.tenant(5, 5);
            // 250 kB of valid JSON: refused for the name's length, not for the body's size.
            String name = "x".repeat(250_000);
            ApiFixture.Reply session = api.post(account, "/api/v1/sessions", "{\"startedBy\": \"AGENT\", \"username\": \"" + name + "\"}");
            assertEquals(400, session.status(), () -> session.toString().substring(0, 200));
            assertEquals("username", session.text("field"));
            // Slack's cap is above the others: 400 kB reaches routing (no Slack here: 404, not 413).
            ApiFixture.Reply slack = api.post(null, "/slack/events", "p=" + "x".repeat(400_000));
            assertNotEquals(413, slack.status(), () -> slack.toString().substring(0, 200));
        }
    }

    @Test
    void aClientWaitingFor100ContinueIsAskedForItsBodyOrRefusedBeforeSendingIt() {
        try (ApiFixture api = ApiFixture.start(TestDatabases.h2())) {
            Account account = api.tenant(5, 5);
            ApiFixture.Reply opened = api.send(api.request(account, "/api/v1/sessions").expectContinue(true)
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"startedBy\": \"USER\", \"username\": \""
                            + "a".repeat(150) + "\"}")));
            assertEquals(201, opened.status(), opened::toString);
        }
        try (ApiFixture api = ApiFixture.start(TestDatabases.h2()); RawConnection http = new RawConnection(api.server.port())) {
            http.send("POST /api/v1/sessions HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 300000\r\n\r\n");
            String answer = http.answer(5_000);
            assertEquals(413, RawConnection.status(answer), answer);
        }
    }

    @Test
    void aChunkedBodyIsCutOffAtTheCap() {
        try (ApiFixture api = ApiFixture.start(TestDatabases.h2());
             RawConnection http = new RawConnection(api.server.port())) {
            Account account = api.tenant(5, 5);
            http.send("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + account.key()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "x".repeat(16 * 1024);
            String framed = Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n";
            int sent = 0;
            while (sent < 20 && http.send(framed.getBytes(StandardCharsets.US_ASCII))) {
                sent++;
            }
            String answer = http.answer(5_000);
            assertEquals(413, RawConnection.status(answer), answer);
            assertEquals("payload_too_large", json(answer).path("error").asText(), answer);
        }
    }

    private static JsonNode json(String answer) {
        String body = RawConnection.body(answer);
        try {
            return JSON.readTree(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1));
        } catch (Exception e) {
            throw new AssertionError("No JSON in " + answer, e);
        }
    }
}
