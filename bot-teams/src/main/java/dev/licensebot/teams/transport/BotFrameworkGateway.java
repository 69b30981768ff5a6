package dev.licensebot.teams.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import dev.licensebot.teams.TeamsHttpResponse;
import dev.licensebot.teams.TeamsSettings;
import dev.licensebot.teams.turn.Incoming;
import dev.licensebot.teams.turn.TurnHandler;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where /api/messages meets the Bot Framework SDK (retired upstream at 4.14.3): it authenticates an
 * incoming activity, runs one turn through a {@link TurnHandler}, and answers HTTP. Only this package
 * ({@link SdkTurn}, {@link TenantAwareAdapter}) touches the SDK; replacing it with plain Bot Connector
 * REST calls would leave the rest of the bot as is.
 */
public final class BotFrameworkGateway {

    private static final Logger LOG = LoggerFactory.getLogger(BotFrameworkGateway.class);
    /** Teams' ids ("a:1Xy…", "29:1…", "19:…@thread.tacv2;messageid=…"), the Emulator's ("…|livechat"). */
    private static final Pattern PLAIN_ID = Pattern.compile("[!$&'()*+,\\-.0-9:;=@A-Z\\[\\]^_`a-z|~]{1,512}");

    private final TenantAwareAdapter adapter;
    private final ProactiveMessages proactive;
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
        this.proactive = new ProactiveMessages(adapter, settings.appId());
        this.handler = handler;
        this.authenticationEnabled = settings.authenticationEnabled();
    }

    /** Where the bot writes first (alerts), as the bot it answers as. */
    public ProactiveMessages proactive() {
        return proactive;
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
}
