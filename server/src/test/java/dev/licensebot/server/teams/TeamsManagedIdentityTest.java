package dev.licensebot.server.teams;

import com.microsoft.aad.msal4j.ManagedIdentityEnvironment;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.teams.testing.BotFrameworkTokens;
import dev.licensebot.teams.testing.FakeIdentityEndpoint;
import dev.licensebot.teams.testing.TeamsActivities;
import org.junit.jupiter.api.AfterEach;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server with MICROSOFT_APP_TYPE=UserAssignedMSI: what the bot sends reaches the Bot Connector
 * with the token Azure's managed identity endpoint (App Service's, faked) handed out, and the
 * conversation it was added to is remembered.
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
}
