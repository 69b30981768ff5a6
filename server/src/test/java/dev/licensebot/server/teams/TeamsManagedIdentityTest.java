package dev.licensebot.server.teams;

import com.microsoft.aad.msal4j.ManagedIdentityEnvironment;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.alerts.AlertPlace;
import dev.licensebot.core.alerts.AlertsChange;
import dev.licensebot.core.chat.ChatConversation;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.teams.testing.BotFrameworkTokens;
import dev.licensebot.teams.testing.FakeIdentityEndpoint;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import dev.licensebot.teams.testing.TeamsActivities;
import org.junit.jupiter.api.AfterEach;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server with MICROSOFT_APP_TYPE=UserAssignedMSI: what the bot sends reaches the Bot Connector
 * with the token Azure's managed identity endpoint (App Service's, faked) handed out, and the
 * conversation it was added to is remembered; alerts, which the bot writes first, carry the same token.
 */
class TeamsManagedIdentityTest {

    @AfterEach
    void backToTheRealEnvironment() {
        ManagedIdentityEnvironment.reset();
    }

    @OnBothDatabases
    void theWelcomeReachesTheConnectorWithTheManagedIdentitysToken(TestDatabase db) {
        // A client id of its own per run: msal4j caches managed identity tokens process-wide.
        String clientId = UUID.randomUUID().toString();
        try (FakeIdentityEndpoint identity = FakeIdentityEndpoint.start();
             TeamsFixture teams = TeamsFixture.managedIdentity(db, clientId, identity.environment())) {
            BotFrameworkTokens tokens = new BotFrameworkTokens();
            teams.connector.publishSigningKeys(tokens.signingKeys());

            TeamsFixture.Exchange added = teams.post(teams.activities.membersAdded(teams.stranger(),
                    TeamsActivities.BOT_ID), "Bearer " + tokens.valid(clientId, teams.connector.serviceUrl()));

            assertTrue(added.status() == 200 || added.status() == 202, added.status() + " " + added.body());
            assertEquals(1, added.sent().size(), "the welcome was sent");
            assertEquals("Bearer " + identity.token(), added.sent().get(0).authorization());
            assertEquals(clientId, identity.requests().get(0).query().get("client_id"));
            assertEquals(1, teams.server.core().chatConversations().of(teams.tenant).size());
        }
    }

    @OnBothDatabases
    void anAlertReachesTheConnectorWithTheManagedIdentitysTokenWithoutAnyActivityBefore(TestDatabase db) {
        String clientId = UUID.randomUUID().toString();
        try (FakeIdentityEndpoint identity = FakeIdentityEndpoint.start();
             TeamsFixture teams = TeamsFixture.managedIdentity(db, clientId, identity.environment())) {
            // As after a restart: the conversation was remembered before, and nothing came in since.
            String chat = "19:ops-" + UUID.randomUUID() + "@thread.v2";
            teams.server.core().chatConversations().remember(new ChatConversation(Surface.TEAMS, chat,
                    teams.entraTenant, teams.connector.serviceUrl(), ChatConversation.Scope.GROUP_CHAT, null, null,
                    teams.clock.instant()));
            teams.server.core().alerts().answer(teams.tenant, Actor.cli(teams.tenant.id()),
                    new AlertPlace(Surface.TEAMS, teams.entraTenant, chat, "Ops"), new AlertsChange.On());
            for (int i = 0; i < 8; i++) {
                teams.openSession(null, "agent-" + i);
            }

            teams.server.core().alerting().round();

            List<FakeTeamsConnector.Sent> sent = teams.connector.sent();
            assertEquals(1, sent.size(), sent.toString());
            assertEquals(chat, sent.get(0).conversationId());
            assertEquals("Bearer " + identity.token(), sent.get(0).authorization());
        }
    }
}
