package dev.licensebot.teams.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;
import dev.licensebot.teams.TeamsSettings;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import dev.licensebot.teams.testing.TeamsActivities;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The connector's JSON without the SDK's flattening serializer (issue 7, B3) is byte for byte what
 * the SDK's own adapter writes, for the activities the bot sends.
 */
class ConnectorJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TeamsActivities.User USER = TeamsActivities.User.random("ada@example.com");

    @Test
    void aCardReplyIsWrittenExactlyAsTheSdkWritesIt() throws IOException {
        assertSameJson(() -> reply(MessageFactory.attachment(cardAttachment())));
    }

    @Test
    void aTextReplyAndAnInvokeResponseAreWrittenExactlyAsTheSdkWritesThem() throws IOException {
        assertSameJson(() -> reply(MessageFactory.text("Only an account admin can see this; you are a viewer.")));
        assertSameJson(() -> {
            Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
            response.setValue(new InvokeResponse(200, card()));
            response.setTimestamp(OffsetDateTime.parse("2026-11-23T07:19:57.661Z"));
            return response;
        });
    }

    /** The one difference: the SDK's serializer rewrote {@code "sort.order": …} as {@code "sort": {"order": …}}. */
    @Test
    void aCardWithADottedKeyReachesTheConnectorAsItWasBuiltAndIsLeftUnchanged() {
        try (FakeTeamsConnector connector = FakeTeamsConnector.start()) {
            ObjectNode card = card();
            ((ObjectNode) card.path("actions").path(0).path("data")).put("sort.order", "asc");
            ObjectNode before = card.deepCopy();
            BotFrameworkGateway gateway = new BotFrameworkGateway(TeamsSettings.open(), turn -> turn.sendCard(card));

            gateway.handle(new TeamsActivities(connector.serviceUrl(), "entra-1").message(USER, "active").toString(),
                    null);

            assertEquals(1, connector.sent().size());
            assertEquals(before, connector.sent().get(0).activity().path("attachments").path(0).path("content"));
            assertEquals(before, card, "the card sent is not rewritten");
        }
    }

    private static void assertSameJson(Supplier<Activity> activity) throws IOException {
        // Built twice: the SDK's serializer escapes dotted map keys of what it writes in place.
        String sdk = new JacksonAdapter().serializer().writeValueAsString(activity.get());
        String ours = new ConnectorJson().serializer().writeValueAsString(activity.get());
        assertEquals(sdk, ours);
    }

    /** A reply as the SDK addresses it: to the conversation and the message it answers. */
    private static Activity reply(Activity message) {

        Activity incoming = Serialization.treeToValue(new TeamsActivities("https://smba.example/amer/", "entra-1")
                .message(USER, "active agents"), Activity.class);
        message.applyConversationReference(incoming.getConversationReference(), true);
        message.setId("f:1");
        message.setTimestamp(OffsetDateTime.parse("2026-11-23T07:19:57.661Z"));
        return message;
    }

    private static Attachment cardAttachment() {
        Attachment attachment = new Attachment();
        attachment.setContentType("application/vnd.microsoft.card.adaptive");
        attachment.setContent(card());
        return attachment;
    }

    /** Nested objects and arrays, numbers, booleans, text with dots and non-ASCII. */
    private static ObjectNode card() {
        ObjectNode card = JSON.createObjectNode().put("type", "AdaptiveCard").put("version", "1.5")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        ObjectNode row = card.putArray("body").addObject().put("type", "ColumnSet").put("separator", true);
        row.putArray("columns").addObject().put("width", "3").putArray("items").addObject()
                .put("type", "Input.Toggle").put("id", "select.0").put("title", "Zoë Ångström · 09:14 (NZDT)")
                .put("valueOn", "b2c1a0e4-session");
        JsonNode data = JSON.createObjectNode().put("verb", "active").put("page", 2);
        card.putArray("actions").addObject().put("type", "Action.Execute").put("title", "Refresh")
                .set("data", data);
        return card;
    }
}
