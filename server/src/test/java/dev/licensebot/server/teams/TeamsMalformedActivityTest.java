package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the Bot Framework never sends is refused before any turn runs: a 4xx in the server's error
 * shape {"error", "message"}, never a 500 from a turn that could not answer (issue 21, found by
 * the fuzz test).
 */
class TeamsMalformedActivityTest {

    private static void assertErrorShape(int status, int actualStatus, String body) throws Exception {
        assertEquals(status, actualStatus, body);
        JsonNode json = TeamsFixture.JSON.readTree(body);
        assertTrue(json.path("error").isTextual() && json.path("message").isTextual(), body);
    }

    @OnBothDatabases
    void aBodyThatIsNoActivityGetsTheErrorShape(TestDatabase db) throws Exception {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            TeamsFixture.Exchange text = teams.post(TeamsFixture.JSON.getNodeFactory().textNode("hello"));
            assertErrorShape(400, text.status(), text.body());
        }
    }

    @OnBothDatabases
    void anActivityWithoutConversationSenderOrServiceUrlIsRefusedBeforeAnyTurn(TestDatabase db) throws Exception {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            for (String missing : List.of("conversation", "from", "serviceUrl")) {
                ObjectNode joined = teams.activities.membersAdded(teams.person(Role.SUPERVISOR),
                        dev.licensebot.teams.testing.TeamsActivities.BOT_ID);
                joined.remove(missing);

                TeamsFixture.Exchange exchange = teams.post(joined);

                assertErrorShape(400, exchange.status(), exchange.body());
                assertEquals(List.of(), exchange.sent(), "nothing was sent without " + missing);
            }
        }
    }

    @OnBothDatabases
    void anActivityWhoseAddressCannotBeRepliedToIsABadRequest(TestDatabase db) throws Exception {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            List<java.util.function.Consumer<ObjectNode>> breakages = List.of(
                    a -> a.put("serviceUrl", "ftp://127.0.0.1:1/"),
                    a -> a.put("serviceUrl", "not a url"),
                    a -> a.put("conversation", "caf\u00e9 \u202e"),
                    a -> a.put("id", "{\"id\": 1}/x"),
                    // Plain enough to send, but no conversation the connector knows: it answers 404.
                    a -> a.put("conversation", "[[Infinity,-1e308]]"));
            for (java.util.function.Consumer<ObjectNode> breakage : breakages) {
                ObjectNode message = teams.activities.message(teams.person(Role.SUPERVISOR), "usage");
                breakage.accept(message);

                TeamsFixture.Exchange exchange = teams.post(message);

                assertErrorShape(400, exchange.status(), exchange.body());
                assertEquals(List.of(), exchange.sent(), "nothing was sent for " + message);
            }
        }
    }

    @OnBothDatabases
    void anInvokeOtherThanACardActionIsABadRequest(TestDatabase db) throws Exception {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            ObjectNode invoke = teams.activities.execute(teams.person(Role.SUPERVISOR), "usage",
                    TeamsFixture.JSON.createObjectNode(), false);
            invoke.put("name", "task/fetch");

            TeamsFixture.Exchange exchange = teams.post(invoke);

            assertErrorShape(400, exchange.status(), exchange.body());
            assertEquals(List.of(), exchange.sent(), "nothing was sent");
        }
    }

    @OnBothDatabases
    void aCharsetNobodyKnowsInContentTypeIsReadAsUtf8(TestDatabase db) throws Exception {
        try (TeamsFixture teams = TeamsFixture.start(db)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            teams.uri(TeamsMount.PATH)).header("Content-Type", "application/json; charset=no-such-charset")
                    .POST(HttpRequest.BodyPublishers.ofString(teams.activities.message(teams.person(Role.SUPERVISOR),
                            "usage").toString())).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(202, response.statusCode(), response.body());
            assertEquals(1, teams.connector.sent().size(), "the usage card was sent");
        }
    }
}
