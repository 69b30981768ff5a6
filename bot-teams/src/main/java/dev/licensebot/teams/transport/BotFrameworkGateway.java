package dev.licensebot.teams.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.connector.rest.RestTeamsConnectorClient;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.integration.Configuration;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import dev.licensebot.teams.TeamsHttpResponse;
import dev.licensebot.teams.TeamsSettings;
import dev.licensebot.teams.turn.Incoming;
import dev.licensebot.teams.turn.MemberProfile;
import dev.licensebot.teams.turn.Turn;
import dev.licensebot.teams.turn.TurnHandler;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Retrofit;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The only class that touches the Bot Framework SDK (retired upstream at 4.14.3): it
 * authenticates an incoming activity, runs one turn through a {@link TurnHandler}, and answers
 * HTTP. Replacing it with plain Bot Connector REST calls would leave the rest of the bot as is.
 */
public final class BotFrameworkGateway {

    private static final Logger LOG = LoggerFactory.getLogger(BotFrameworkGateway.class);
    private static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
    /** Teams' ids ("a:1Xy…", "29:1…", "19:…@thread.tacv2;messageid=…"), the Emulator's ("…|livechat"). */
    private static final Pattern PLAIN_ID = Pattern.compile("[!$&'()*+,\\-.0-9:;=@A-Z\\[\\]^_`a-z|~]{1,512}");

    private final BotFrameworkHttpAdapter adapter;
    private final TurnHandler handler;
    private final boolean authenticationEnabled;

    public BotFrameworkGateway(TeamsSettings settings, TurnHandler handler) {
        this(settings, handler, ConnectorHttp::client);
    }

    /**
     * {@code connectorHttp}: what every call to the Bot Connector goes out on (tests observe it),
     * asked for at the first call, since building it is slow (see {@link ConnectorHttp}).
     */
    BotFrameworkGateway(TeamsSettings settings, TurnHandler handler, Supplier<OkHttpClient> connectorHttp) {
        // The SDK keeps the signing-key location in a static; set it every time so it never leaks
        // from one configuration to the next.
        ChannelValidation.setOpenIdMetaDataUrl(settings.openIdMetadataUrl() != null ? settings.openIdMetadataUrl()
                : AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL);
        this.adapter = new TenantAwareAdapter(settings, connectorHttp);
        this.handler = handler;
        this.authenticationEnabled = settings.authenticationEnabled();
    }

    /** Handles one POST to /api/messages. */
    public TeamsHttpResponse handle(String body, String authorization) {
        JsonNode tree = tree(body);
        // Null too when the object is not an activity: the SDK's reader answers null for what it cannot map.
        Activity activity = tree == null ? null : Serialization.treeToValue(tree, Activity.class);
        if (activity == null || !answerable(activity)) {
            // Nobody unauthenticated learns more than 401 when tokens are required.
            return TeamsHttpResponse.status(authenticationEnabled ? 401 : 400);
        }
        AtomicBoolean reachedBot = new AtomicBoolean();
        try {
            InvokeResponse response = adapter.processIncomingActivity(authorization, activity, context -> {
                reachedBot.set(true);
                handler.onTurn(new SdkTurn(context, Incoming.from(tree)));
                return CompletableFuture.completedFuture(null);
            }).join();
            return response == null ? TeamsHttpResponse.accepted()
                    : new TeamsHttpResponse(response.getStatus(), json(response.getBody()));
        } catch (RuntimeException e) {
            // A malformed token throws here directly, outside the future; a forged one fails it.
            if (!reachedBot.get()) {
                LOG.warn("Refused a request to /api/messages before any turn ran: {}", reason(e));
                return TeamsHttpResponse.status(authenticationEnabled ? 401 : 400);
            }
            if (refusedByConnector(e)) {
                // The connector knows no such conversation or activity: only an activity that named
                // one nobody has (the Emulator's open endpoint lets anyone send it) gets here.
                LOG.warn("The Bot Connector refused the reply to a Teams turn: {}", reason(e));
                return TeamsHttpResponse.status(400);
            }
            LOG.error("A Teams turn failed after it started", e);
            return TeamsHttpResponse.status(500);
        }
    }

    /**
     * Whether a turn could answer it at all: every answer goes to the activity's service URL and
     * conversation. The Bot Framework always sends them; without them the SDK fails mid-turn.
     */
    private static boolean answerable(Activity activity) {
        return activity.getType() != null && httpUrl(activity.getServiceUrl())
                && activity.getConversation() != null && plainId(activity.getConversation().getId())
                && activity.getFrom() != null && plainId(activity.getFrom().getId())
                && (activity.getId() == null || plainId(activity.getId()));
    }

    /** An id the replies can carry in a URL path and a header: printable ASCII, nothing that ends a path segment. */
    private static boolean plainId(String id) {
        return id != null && PLAIN_ID.matcher(id).matches();
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = url == null ? null : new URI(url);
            return uri != null && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether the Bot Connector answered a reply with a 4xx: the addressing came from the activity. */
    private static boolean refusedByConnector(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ErrorResponseException error && error.response() != null
                    && error.response().code() >= 400 && error.response().code() < 500) {
                return true;
            }
        }
        return false;
    }

    /** The body as JSON, or null when it is not a JSON object. */
    private static JsonNode tree(String body) {
        try {
            JsonNode tree = body == null ? null : Serialization.jsonToTree(body);
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException e) {
            LOG.info("Refused a request to /api/messages that is not an activity: {}", e.getMessage());
            return null;
        }
    }

    private static String json(Object body) {
        try {
            return body == null ? null : Serialization.toString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An invoke response could not be written", e);
        }
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** A turn over the SDK's TurnContext; every call waits, so replies are out before HTTP answers. */
    private static final class SdkTurn implements Turn {

        private final TurnContext context;
        private final Incoming incoming;

        /**
         * {@code incoming}: read from the JSON as it came, which the SDK parsed too; writing the
         * SDK's activity back out as JSON to read it again cost a Teams answer ~3 % of its CPU
         * (issue 7, B3). The SDK's own change to an incoming activity (Teams' tenant id copied to
         * conversation.tenantId) is where Incoming looks first anyway.
         */
        SdkTurn(TurnContext context, Incoming incoming) {
            this.context = context;
            this.incoming = incoming;
        }

        @Override
        public Incoming activity() {
            return incoming;
        }

        @Override
        public Optional<MemberProfile> member(String userId) {
            useOurTeamsClient();
            try {
                TeamsChannelAccount account = TeamsInfo.getMember(context, userId).join();
                return Optional.ofNullable(account)
                        .map(a -> new MemberProfile(a.getEmail(), a.getUserPrincipalName(), a.getTenantId(),
                                a.getUserRole()));
            } catch (CompletionException e) {
                if (e.getCause() instanceof ErrorResponseException error && error.response() != null
                        && error.response().code() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        }

        /**
         * TeamsInfo builds a new client, with its own OkHttp, for every lookup unless the turn
         * holds one: this one shares the turn's connector client's HTTP.
         */
        private void useOurTeamsClient() {
            ConnectorClient connector = context.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
            if (connector instanceof RestConnectorClient rest
                    && context.getTurnState().get(BotFrameworkAdapter.TEAMSCONNECTOR_CLIENT_KEY) == null) {
                context.getTurnState().add(BotFrameworkAdapter.TEAMSCONNECTOR_CLIENT_KEY,
                        new RestTeamsConnectorClient(rest.getRestClient()) { });
            }
        }

        @Override
        public void sendCard(ObjectNode card) {
            Attachment attachment = new Attachment();
            attachment.setContentType(ADAPTIVE_CARD);
            attachment.setContent(card);
            context.sendActivity(MessageFactory.attachment(attachment)).join();
        }

        @Override
        public void sendText(String text) {
            context.sendActivity(MessageFactory.text(text)).join();
        }

        @Override
        public void answerInvoke(int status, JsonNode body) {
            Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
            response.setValue(new InvokeResponse(status, body));
            context.sendActivity(response).join();
        }
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

    /**
     * A single-tenant bot must get its outgoing tokens from its own Entra tenant; and every
     * connector client goes out on {@link ConnectorHttp}'s client instead of one the SDK builds.
     */
    private static final class TenantAwareAdapter extends BotFrameworkHttpAdapter {

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
            if (settings.appType() != TeamsSettings.AppType.SINGLE_TENANT) {
                return super.buildAppCredentials(appId, scope);
            }
            return CompletableFuture.completedFuture(
                    new MicrosoftAppCredentials(appId, settings.appPassword(), settings.appTenantId(), scope));
        }
    }
}
