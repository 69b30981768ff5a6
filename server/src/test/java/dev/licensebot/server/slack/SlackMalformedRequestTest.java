package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.testing.SignedSlackClient;
import dev.licensebot.slack.testing.SlackPayloads;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Slack never sends, signed or not, is the sender's mistake: a 4xx in the server's error
 * shape {"error", "message"}, never a 500 (issue 21, found by the fuzz test).
 */
class SlackMalformedRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assertErrorShape(int status, HttpResponse<String> response) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertTrue(body.path("error").isTextual() && body.path("message").isTextual(), response.body());
    }

    @OnBothDatabases
    void aSignedBodySlacksParserCannotReadIsABadRequest(TestDatabase db) throws Exception {
        try (SlackFixture f = SlackFixture.on(db)) {
            List<String> bodies = List.of(
                    "payload=" + java.net.URLEncoder.encode("{\"type\":\"block_actions\",\"actions\":[{\"value\":{}}]}",
                            java.nio.charset.StandardCharsets.UTF_8),
                    "payload=" + "%5B".repeat(300),
                    "payload=%7Bnot+json");
            for (String body : bodies) {
                assertErrorShape(400, f.client.post(body, "application/x-www-form-urlencoded", Map.of()));
            }
        }
    }

    @OnBothDatabases
    void refusalsOfForgedAndUnknownRequestsHaveTheErrorShape(TestDatabase db) throws Exception {
        try (SlackFixture f = SlackFixture.on(db)) {
            String form = "command=%2Flicenses&text=usage&team_id=" + f.team + "&user_id=U1";
            long now = Instant.now().getEpochSecond();
            assertErrorShape(401, f.client.send(form, "application/x-www-form-urlencoded", now,
                    SignedSlackClient.sign("another-secret", now, form), Map.of()));
            assertErrorShape(400, f.client.post("{\"type\":\"no_such_type\"}", "application/json", Map.of()));
            ObjectNode view = JSON.createObjectNode().put("type", "modal").put("callback_id", "nobody_handles_this")
                    .put("private_metadata", "");
            assertErrorShape(404, f.client.interaction(SlackPayloads.viewSubmission(f.team, "U1", view,
                    JSON.createObjectNode())));
        }
    }

    @OnBothDatabases
    void aCharsetNobodyKnowsInContentTypeIsReadAsUtf8(TestDatabase db) {
        try (SlackFixture f = SlackFixture.on(db)) {
            SlackFixture.Person supervisor = f.person(Role.SUPERVISOR);
            String responseUrl = f.slack.newResponseUrl();
            Map<String, String> command = new LinkedHashMap<>();
            command.put("team_id", f.team);
            command.put("user_id", supervisor.userId());
            command.put("command", "/licenses");
            command.put("text", "usage");
            command.put("response_url", responseUrl);

            HttpResponse<String> ack = f.client.post(SignedSlackClient.formBody(command),
                    "application/x-www-form-urlencoded; charset=no-such-charset", Map.of());

            assertEquals(200, ack.statusCode(), ack.body());
            String text = f.answerIn(ack, responseUrl).text();
            assertTrue(text.contains("*Session licenses*"), text);
        }
    }
}
