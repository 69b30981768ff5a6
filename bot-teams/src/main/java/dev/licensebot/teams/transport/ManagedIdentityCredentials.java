package dev.licensebot.teams.transport;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;

import java.util.concurrent.CompletableFuture;

/**
 * The outgoing tokens of a UserAssignedMSI bot: the retired Java SDK knows only passwords and
 * certificates, so these come from Azure's managed identity endpoint through msal4j, which finds
 * the endpoint where the bot runs (App Service's and Container Apps' IDENTITY_ENDPOINT, a VM's
 * IMDS, …) and caches each token until shortly before it expires.
 */
final class ManagedIdentityCredentials extends AppCredentials {

    private static final String DEFAULT_SUFFIX = "/.default";

    /** {@code clientId}: the identity's; {@code tenantId}: its Entra tenant; {@code scope}: whom the token is for. */
    ManagedIdentityCredentials(String clientId, String tenantId, String scope) {
        super(tenantId, scope);
        setAppId(clientId);
    }

    @Override
    protected Authenticator buildAuthenticator() {
        ManagedIdentityApplication identity = ManagedIdentityApplication
                .builder(ManagedIdentityId.userAssignedClientId(getAppId())).build();
        ManagedIdentityParameters parameters = ManagedIdentityParameters.builder(resource(oAuthScope())).build();
        return () -> acquire(identity, parameters);
    }

    private static CompletableFuture<IAuthenticationResult> acquire(ManagedIdentityApplication identity,
                                                                    ManagedIdentityParameters parameters) {
        try {
            return identity.acquireTokenForManagedIdentity(parameters);
        } catch (Exception e) {
            // The SDK fails the outgoing call with it, and the gateway logs the turn that failed.
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The managed identity endpoint wants a resource ("https://api.botframework.com"), not a scope. */
    static String resource(String scope) {
        return scope.endsWith(DEFAULT_SUFFIX) ? scope.substring(0, scope.length() - DEFAULT_SUFFIX.length()) : scope;
    }
}
