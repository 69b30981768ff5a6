package dev.licensebot.teams.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.connector.rest.RestTeamsConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import dev.licensebot.teams.turn.Incoming;
import dev.licensebot.teams.turn.MemberProfile;
import dev.licensebot.teams.turn.Turn;

import java.util.Optional;
import java.util.concurrent.CompletionException;

/** A turn over the SDK's TurnContext; every call waits, so replies are out before HTTP answers. */
final class SdkTurn implements Turn {

    private static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

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
