package dev.licensebot.server.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.aad.msal4j.ManagedIdentityEnvironment;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.demo.DemoData;
import dev.licensebot.core.sessions.AgentSession;
import dev.licensebot.core.sessions.OpenInteraction;
import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.sessions.StartedBy;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.teams.TeamsSettings;
import dev.licensebot.teams.testing.AdaptiveCards;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import dev.licensebot.teams.testing.TeamsActivities;
import dev.licensebot.teams.testing.TeamsActivities.User;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real server on a test database with the Teams bot at /api/messages, a fake Bot Connector
 * on 127.0.0.1 that records replies and answers member lookups, and one tenant linked to an Entra
 * tenant. Activities are posted as Teams posts them; every card that comes back is checked
 * against the Adaptive Cards 1.5 schema and Teams' size limit.
 */
final class TeamsFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final TestClock clock = TestClock.at(TestCore.DEFAULT_START);
    final FakeTeamsConnector connector = FakeTeamsConnector.start();
    final LicenseServer server;
    final Tenant tenant;
    final String apiKey;
    final String entraTenant = "entra-" + UUID.randomUUID();
    final TeamsActivities activities;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Conversation counts link here, so the histories' links can be checked. */
    static final String HISTORY_URL = "https://console.example/conversations?session={sessionId}&user={userId}";

    private TeamsFixture(TestDatabase db, Function<FakeTeamsConnector, TeamsSettings> teams) {
        this(db, teams, false);
    }

    private TeamsFixture(TestDatabase db, Function<FakeTeamsConnector, TeamsSettings> teams, boolean demo) {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, db.settings(), HISTORY_URL)
                .withTeams(teams.apply(connector));
        settings = demo ? settings.withDemo() : settings;
        this.server = LicenseServer.startWithoutAlertRounds(settings, clock);
        Tenants.CreatedTenant created = server.core().tenants().create(new Tenants.NewTenant(
                "Teams " + UUID.randomUUID(), "Europe/Berlin", 10, 10, Duration.ofMinutes(30)));
        this.tenant = created.tenant();
        this.apiKey = created.apiKey();
        server.core().tenants().linkTeamsTenant(tenant.id(), entraTenant);
        this.activities = new TeamsActivities(connector.serviceUrl(), entraTenant);
    }

    /** Without an app id: open, as with the Bot Framework Emulator. */
    static TeamsFixture start(TestDatabase db) {
        return new TeamsFixture(db, connector -> TeamsSettings.open());
    }

    /** As `licensebot.jar demo` runs it: unlinked conversations are the demo tenant's; the demo data is loaded. */
    static TeamsFixture startDemo(TestDatabase db) {
        TeamsFixture fixture = new TeamsFixture(db, connector -> TeamsSettings.open(), true);
        new DemoData(fixture.server.core(), fixture.clock).load();
        return fixture;
    }

    /** With an app id: Bot Framework tokens required, their signing keys published by the fake connector. */
    static TeamsFixture authenticated(TestDatabase db, String appId) {
        return new TeamsFixture(db, connector -> TeamsSettings.authenticated(appId, "test-password")
                .withOpenIdMetadataUrl(connector.openIdMetadataUrl()));
    }

    /**
     * As a UserAssignedMSI bot: Bot Framework tokens required as with an app id, the outgoing ones
     * from the managed identity endpoint msal4j finds in {@code identityEnvironment} (from the next
     * outgoing call on, for the whole JVM until {@link ManagedIdentityEnvironment#reset}).
     */
    static TeamsFixture managedIdentity(TestDatabase db, String clientId, Map<String, String> identityEnvironment) {
        ManagedIdentityEnvironment.use(identityEnvironment);
        return new TeamsFixture(db, connector -> TeamsSettings.managedIdentity(clientId, "entra-msi")
                .withOpenIdMetadataUrl(connector.openIdMetadataUrl()));
    }

    /** A Teams user who is an operator of the tenant with this role. */
    User person(Role role) {
        return personOf(tenant, entraTenant, role);
    }

    /** An operator of {@code someTenant} who is a member of Entra tenant {@code entra}. */
    User personOf(Tenant someTenant, String entra, Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        server.core().operators().grant(Actor.cli(someTenant.id()), email, role);
        User user = User.random(email);
        connector.addMember(entra, user.id(), email, null);
        return user;
    }

    /** A Teams user nobody granted anything. */
    User stranger() {
        User user = User.random("stranger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        connector.addMember(entraTenant, user.id(), user.email(), null);
        return user;
    }

    AgentSession openSession(String id, String username, OpenInteraction... interactions) {
        return server.core().sessionLicenses().open(tenant, new SessionReport(id, StartedBy.AGENT, username,
                null, "agent", null, "MS Teams", List.of(interactions), 3, null, null)).session();
    }

    boolean isOpen(String sessionId) {
        return server.core().sessionLicenses().require(tenant, sessionId).asOf(clock.instant()).isOpen();
    }

    /** The platform's next heartbeat for the session, over the REST API; returns the HTTP status. */
    int heartbeat(String sessionId) {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/sessions/" + sessionId + "/activity"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return send(request).statusCode();
    }

    /** What one POST to /api/messages did: the HTTP answer and what the bot sent meanwhile. */
    record Exchange(int status, String body, List<FakeTeamsConnector.Sent> sent) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The one card the bot sent as a message, checked. */
        JsonNode card() {
            assertEquals(1, sent.size(), "one message sent: " + sent);
            JsonNode attachment = sent.get(0).activity().path("attachments").path(0);
            assertEquals("application/vnd.microsoft.card.adaptive", attachment.path("contentType").asText(),
                    "a card was sent: " + sent);
            AdaptiveCards.assertValid(attachment.path("content"));
            return attachment.path("content");
        }

        /** The one plain text the bot sent as a message. */
        String text() {
            assertEquals(1, sent.size(), "one message sent: " + sent);
            return sent.get(0).activity().path("text").asText();
        }

        /** The card an invoke answered with, checked; Teams shows it in place of the pressed one. */
        JsonNode invokeCard() {
            assertEquals(200, status, body);
            JsonNode answer = json();
            assertEquals(200, answer.path("statusCode").asInt());
            assertEquals("application/vnd.microsoft.card.adaptive", answer.path("type").asText());
            AdaptiveCards.assertValid(answer.path("value"));
            return answer.path("value");
        }
    }

    Exchange post(JsonNode activity) {
        return post(activity, null);
    }

    Exchange post(JsonNode activity, String authorization) {
        int before = connector.sent().size();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(TeamsMount.PATH)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = send(request.build());
        List<FakeTeamsConnector.Sent> all = connector.sent();
        return new Exchange(response.statusCode(), response.body(), all.subList(before, all.size()));
    }

    /** Says {@code text} to the bot and returns the card it answers with. */
    JsonNode say(User from, String text) {
        Exchange exchange = post(activities.message(from, text));
        assertTrue(exchange.status() == 200 || exchange.status() == 202, "accepted: " + exchange.status());
        return exchange.card();
    }

    /** Says {@code text} and returns the plain sentence the bot answers with (refusals). */
    String sayExpectingText(User from, String text) {
        Exchange exchange = post(activities.message(from, text));
        assertTrue(exchange.status() == 200 || exchange.status() == 202, "accepted: " + exchange.status());
        return exchange.text();
    }

    /** Presses an Action.Execute button of a card, with these inputs filled in, and returns the next card. */
    JsonNode press(User who, JsonNode button, Map<String, String> inputs) {
        ObjectNode data = ((ObjectNode) button.path("data")).deepCopy();
        inputs.forEach(data::put);
        return post(activities.execute(who, button.path("verb").asText(), data, false)).invokeCard();
    }

    JsonNode press(User who, JsonNode card, String title) {
        return press(who, AdaptiveCards.button(card, title), Map.of());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        connector.close();
    }
}
