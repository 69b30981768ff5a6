package dev.licensebot.teams.transport;

import com.microsoft.aad.msal4j.ManagedIdentityEnvironment;
import dev.licensebot.teams.TeamsSettings;
import dev.licensebot.teams.testing.BotFrameworkTokens;
import dev.licensebot.teams.testing.FakeIdentityEndpoint;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import dev.licensebot.teams.testing.TeamsActivities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A UserAssignedMSI bot gets its outgoing tokens from Azure's managed identity endpoint (here App
 * Service's, faked on 127.0.0.1) and the Bot Connector receives them as Bearer tokens; incoming
 * requests are still checked against the Bot Framework's signing keys.
 */
class ManagedIdentityTokenTest {

    @AfterEach
    void backToTheRealEnvironment() {
        ManagedIdentityEnvironment.reset();
    }

    /** "usage" sent to a managed-identity bot with {@code incomingToken}; the status the gateway answers. */
    private static int usage(FakeIdentityEndpoint identity, FakeTeamsConnector connector, BotFrameworkTokens tokens,
                             String clientId, String incomingToken) {
        ManagedIdentityEnvironment.use(identity.environment());
        connector.publishSigningKeys(tokens.signingKeys());
        BotFrameworkGateway gateway = new BotFrameworkGateway(TeamsSettings.managedIdentity(clientId, "entra-1")
                .withOpenIdMetadataUrl(connector.openIdMetadataUrl()), turn -> turn.sendText("ok"));
        String message = new TeamsActivities(connector.serviceUrl(), "entra-1")
                .message(TeamsActivities.User.random("ada@example.com"), "usage").toString();
        return gateway.handle(message, "Bearer " + incomingToken).status();
    }

    @Test
    void theManagedIdentitysTokenReachesTheConnectorAsABearerToken() {
        // A client id of its own per test: msal4j caches managed identity tokens process-wide.
        String clientId = UUID.randomUUID().toString();
        try (FakeIdentityEndpoint identity = FakeIdentityEndpoint.start();
             FakeTeamsConnector connector = FakeTeamsConnector.start()) {
            BotFrameworkTokens tokens = new BotFrameworkTokens();

            int status = usage(identity, connector, tokens, clientId, tokens.valid(clientId, connector.serviceUrl()));

            assertTrue(status == 200 || status == 202, "the turn ran: " + status);
            assertEquals(1, connector.sent().size(), "the reply reached the connector");
            assertEquals("Bearer " + identity.token(), connector.sent().get(0).authorization());
            assertFalse(identity.requests().isEmpty(), "the managed identity endpoint was asked");
            FakeIdentityEndpoint.Request asked = identity.requests().get(0);
            assertEquals(identity.secret(), asked.identityHeader(), "msal4j showed App Service's secret header");
            assertEquals(clientId, asked.query().get("client_id"), "for the user-assigned identity");
            assertEquals("https://api.botframework.com", asked.query().get("resource"));
        }
    }

    @Test
    void withoutAValidIncomingTokenNothingAsksForAnOutgoingOne() {
        String clientId = UUID.randomUUID().toString();
        try (FakeIdentityEndpoint identity = FakeIdentityEndpoint.start();
             FakeTeamsConnector connector = FakeTeamsConnector.start()) {
            BotFrameworkTokens tokens = new BotFrameworkTokens();

            int status = usage(identity, connector, tokens, clientId, tokens.forged(clientId, connector.serviceUrl()));

            assertEquals(401, status);
            assertEquals(0, connector.sent().size());
            assertEquals(0, identity.requests().size());
        }
    }

    @Test
    void theResourceIsTheScopeWithoutItsDefaultSuffix() {
        assertEquals("https://api.botframework.com",
                ManagedIdentityCredentials.resource("https://api.botframework.com/.default"));
        assertEquals("https://api.botframework.com",
                ManagedIdentityCredentials.resource("https://api.botframework.com"));
    }
}
