package dev.licensebot.teams.transport;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.integration.Configuration;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import dev.licensebot.teams.TeamsSettings;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A single-tenant bot must get its outgoing tokens from its own Entra tenant, a managed identity's
 * come from Azure's managed identity endpoint ({@link ManagedIdentityCredentials}); and every
 * connector client goes out on {@link ConnectorHttp}'s client instead of one the SDK builds.
 */
final class TenantAwareAdapter extends BotFrameworkHttpAdapter {

    private final TeamsSettings settings;
    private final Supplier<OkHttpClient> http;
    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();

    TenantAwareAdapter(TeamsSettings settings, Supplier<OkHttpClient> http) {
        super(configuration(settings));
        this.settings = settings;
        this.http = http;
    }

    /** As the SDK's (same cache key, same empty credentials), on our HTTP client. */
    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                            AppCredentials credentials) {
        String key = keyForConnectorClient(serviceUrl, credentials == null ? null : credentials.getAppId(),
                credentials == null ? null : credentials.oAuthScope());
        try {
            return CompletableFuture.completedFuture(clients.computeIfAbsent(key, k -> new RestConnectorClient(
                    restClient(serviceUrl, credentials != null ? credentials : MicrosoftAppCredentials.empty()))));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private RestClient restClient(String serviceUrl, AppCredentials credentials) {
        String baseUrl;
        try {
            baseUrl = new URI(serviceUrl).toURL().toString();
        } catch (Exception e) {
            throw new IllegalArgumentException("Invalid Service URL: " + serviceUrl, e);
        }
        // A builder of its own each time: RestClient.Builder adds its interceptors to it.
        return new RestClient.Builder(http.get().newBuilder(), new Retrofit.Builder())
                .withBaseUrl(baseUrl)
                .withCredentials(credentials)
                .withSerializerAdapter(new ConnectorJson())
                .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
                .build();
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        return switch (settings.appType()) {
            case MULTI_TENANT -> super.buildAppCredentials(appId, scope);
            case SINGLE_TENANT -> CompletableFuture.completedFuture(
                    new MicrosoftAppCredentials(appId, settings.appPassword(), settings.appTenantId(), scope));
            case USER_ASSIGNED_MSI -> CompletableFuture.completedFuture(
                    new ManagedIdentityCredentials(appId, settings.appTenantId(), scope));
        };
    }

    /** The SDK reads its settings from a Configuration; this one holds exactly ours. */
    private static Configuration configuration(TeamsSettings settings) {
        Properties properties = new Properties();
        putIfSet(properties, MicrosoftAppCredentials.MICROSOFTAPPID, settings.appId());
        putIfSet(properties, MicrosoftAppCredentials.MICROSOFTAPPPASSWORD, settings.appPassword());
        putIfSet(properties, "BotOpenIdMetadata", settings.openIdMetadataUrl());
        return new Configuration() {
            @Override
            public String getProperty(String key) {
                return properties.getProperty(key);
            }

            @Override
            public Properties getProperties() {
                return properties;
            }

            @Override
            public String[] getProperties(String key) {
                String value = properties.getProperty(key);
                return value == null ? new String[0] : value.split(",");
            }
        };
    }

    private static void putIfSet(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }
}
