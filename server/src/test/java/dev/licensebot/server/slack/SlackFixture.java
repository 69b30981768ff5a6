package dev.licensebot.server.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.slack.SlackSettings;
import dev.licensebot.slack.testing.BlockKit;
import dev.licensebot.slack.testing.FakeSlack;
import dev.licensebot.slack.testing.SignedSlackClient;
import dev.licensebot.slack.testing.SlackPayloads;
import dev.licensebot.slack.testing.Texts;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real server on a test database, Slack's Web API and response_urls pointed at a fake, a
 * tenant linked to a fresh workspace, and people in it. Everything goes over HTTP as Slack sends it.
 */
final class SlackFixture implements AutoCloseable {

    static final String SIGNING_SECRET = "test-signing-secret-0123456789";
    static final String HISTORY_URL = "https://console.example/conversations?user={userId}&session={sessionId}";

    /** Someone in the workspace: their Slack user id and the operator they resolve to. */
    record Person(String userId, Actor actor) {
    }

    /** A message the bot posted to a response_url, and that url (its buttons answer there too). */
    record Answer(String responseUrl, JsonNode message) {
        String text() {
            return Texts.of(message);
        }

        boolean replacedOriginal() {
            return message.path("replace_original").asBoolean();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final TestCore t;
    final FakeSlack slack;
    final LicenseServer server;
    final SignedSlackClient client;
    final Tenant tenant;
    final String apiKey;
    final String team;

    private SlackFixture(TestCore t, FakeSlack slack, LicenseServer server, Tenants.CreatedTenant created,
                         String team) {
        this.t = t;
        this.slack = slack;
        this.server = server;
        this.tenant = created.tenant();
        this.apiKey = created.apiKey();
        this.team = team;
        this.client = new SignedSlackClient(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"),
                SIGNING_SECRET);
    }

    static SlackFixture on(TestDatabase db) {
        return start(db, FakeSlack.start(), SIGNING_SECRET, null, null);
    }

    /** With PUBLIC_URL set, so answers carry signed links to their usage graphs there. */
    static SlackFixture withPublicUrl(TestDatabase db, String publicUrl) {
        return start(db, FakeSlack.start(), SIGNING_SECRET, null, publicUrl);
    }

    /**
     * Slack over Socket Mode only: no signing secret, so no HTTP endpoint; apps.connections.open
     * hands out {@code webSocketUrl}.
     */
    static SlackFixture overSocketMode(TestDatabase db, String webSocketUrl) {
        FakeSlack slack = FakeSlack.start();
        slack.socketModeUrl(webSocketUrl);
        return start(db, slack, null, "xapp-1-test-app-token", null);
    }

    private static SlackFixture start(TestDatabase db, FakeSlack slack, String signingSecret, String appToken,
                                      String publicUrl) {
        TestCore t = TestCore.on(db);
        LicenseServer server;
        try {
            ServerSettings settings = settings(db, slack, signingSecret, appToken);
            server = LicenseServer.startWithoutAlertRounds(
                    settings.withSlack(settings.slack().withPublicUrl(publicUrl)), t.clock());
        } catch (RuntimeException e) {
            slack.close();
            throw e;
        }
        Tenants.CreatedTenant created = t.core().tenants().create(new Tenants.NewTenant("Slack " + newTeam(),
                "Europe/Berlin", 20, 50, null));
        String team = newTeam();
        t.core().tenants().linkSlackTeam(created.tenant().id(), team);
        return new SlackFixture(t, slack, server, created, team);
    }

    static ServerSettings settings(TestDatabase db, FakeSlack slack, String signingSecret, String appToken) {
        return new ServerSettings("127.0.0.1", 0, db.settings(), HISTORY_URL)
                .withSlack(new SlackSettings(signingSecret, FakeSlack.BOT_TOKEN, appToken, slack.apiUrl()));
    }

    static String newTeam() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    Person person(Role role) {
        Actor actor = t.operator(tenant, role);
        String userId = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        slack.user(team, userId, actor.name());
        return new Person(userId, actor);
    }

    AgentSession session(String username, OpenInteraction... interactions) {
        return t.core().sessionLicenses().open(tenant, new SessionReport(null, StartedBy.AGENT, username,
                username == null ? null : username + "@agents.example", "agent", username, "Web widget",
                List.of(interactions), 3, null, null)).session();
    }

    Answer command(Person person, String text) {
        return command(team, person.userId(), text);
    }

    Answer command(String teamId, String userId, String text) {
        String responseUrl = slack.newResponseUrl();
        HttpResponse<String> response = client.command(teamId, userId, text, responseUrl);
        assertEquals(200, response.statusCode(), "Slack gets its ack at once: " + response.body());
        return answerIn(response, responseUrl);
    }

    /** The command typed in a channel ({@code channelName} without "#"). */
    Answer commandIn(String channelId, String channelName, Person person, String text) {
        String responseUrl = slack.newResponseUrl();
        HttpResponse<String> response = client.commandIn(team, channelId, channelName, person.userId(), text,
                responseUrl);
        assertEquals(200, response.statusCode(), "Slack gets its ack at once: " + response.body());
        return answerIn(response, responseUrl);
    }

    /** An answer ready in time is the ack itself; a slower one follows at the response_url. */
    Answer answerIn(HttpResponse<String> ack, String responseUrl) {
        try {
            return answerIn(ack.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(ack.body()), responseUrl);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The ack is not JSON: " + ack.body(), e);
        }
    }

    /** The same for Socket Mode, where the ack's answer is its envelope's payload. */
    Answer answerIn(JsonNode ackPayload, String responseUrl) {
        if (ackPayload.isMissingNode() || ackPayload.isNull()) {
            return awaitNext(responseUrl, 0);
        }
        BlockKit.assertValidMessage(ackPayload);
        return new Answer(responseUrl, ackPayload);
    }

    Answer press(Person person, Answer on, String actionId) {
        return press(person, on, actionId, null);
    }

    Answer press(Person person, Answer on, String actionId, ObjectNode state) {
        return send(on, SlackPayloads.press(team, person.userId(), on.message(), actionId, on.responseUrl(), state));
    }

    Answer select(Person person, Answer on, String actionId, String value) {
        return send(on, SlackPayloads.select(team, person.userId(), on.message(), actionId, value, on.responseUrl()));
    }

    Answer send(Answer on, ObjectNode payload) {
        int before = slack.calls(FakeSlack.pathOf(on.responseUrl())).size();
        HttpResponse<String> response = client.interaction(payload);
        assertEquals(200, response.statusCode(), "Slack gets its ack at once: " + response.body());
        return awaitNext(on.responseUrl(), before);
    }

    /** The next message posted to this response_url after {@code before} earlier ones, checked against Block Kit. */
    Answer awaitNext(String responseUrl, int before) {
        JsonNode message = slack.awaitResponse(responseUrl, before + 1);
        BlockKit.assertValidMessage(message);
        return new Answer(responseUrl, message);
    }

    /** The agent application's heartbeat, through the REST API as the platform sends it. */
    HttpResponse<String> heartbeat(String sessionId) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + server.port() + "/api/v1/sessions/" + sessionId + "/activity"))
                    .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"openInteractions\": []}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        slack.close();
    }
}
