package dev.licensebot.teams.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Activities as Microsoft Teams posts them to a bot: a personal chat with the sender, the Entra
 * tenant in channelData and conversation, the bot as recipient with role "bot".
 */
public final class TeamsActivities {

    public static final String BOT_ID = "28:licensebot-test-app";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong();

    private final String serviceUrl;
    private final String entraTenant;
    /** Null: each sender's personal chat with the bot. */
    private final Chat chat;

    /**
     * A conversation other than a personal chat: Teams' conversationType ("groupChat", "channel"),
     * its id, and for a channel the team's id.
     */
    public record Chat(String conversationType, String conversationId, String teamId, String name) {
        public static Chat group() {
            return new Chat("groupChat", "19:group-" + UUID.randomUUID() + "@thread.v2", null, null);
        }

        /** A team's General channel, whose id Teams also uses for the team. */
        public static Chat teamChannel() {
            String team = "19:team-" + UUID.randomUUID() + "@thread.tacv2";
            return new Chat("channel", team, team, null);
        }

        /** Another channel of this one's team, with its name, as Teams sends a message in one of its threads. */
        public Chat otherChannel(String channelName) {
            return new Chat("channel", "19:channel-" + UUID.randomUUID() + "@thread.tacv2;messageid=1700000000000",
                    teamId, channelName);
        }

        /** The same chat as Teams names it in activities (a group chat's topic, a channel's name). */
        public Chat named(String chatName) {
            return new Chat(conversationType, conversationId, teamId, chatName);
        }
    }

    /** {@code entraTenant} null: an activity that names no tenant, as the Bot Framework Emulator sends. */
    public TeamsActivities(String serviceUrl, String entraTenant) {
        this(serviceUrl, entraTenant, null);
    }

    private TeamsActivities(String serviceUrl, String entraTenant, Chat chat) {
        this.serviceUrl = serviceUrl;
        this.entraTenant = entraTenant;
        this.chat = chat;
    }

    /** The same activities, in {@code chat} instead of the sender's personal chat. */
    public TeamsActivities in(Chat otherChat) {
        return new TeamsActivities(serviceUrl, entraTenant, otherChat);
    }

    /** The conversation id the activities of {@code from} carry. */
    public String conversationId(User from) {
        return chat == null ? "a:chat-" + from.id() : chat.conversationId();
    }

    /** A Teams user: their id in Teams (29:…) and the address the member lookup reports. */
    public record User(String id, String email) {
        public static User random(String email) {
            return new User("29:" + UUID.randomUUID(), email);
        }
    }

    public TeamsActivities forTenant(String otherEntraTenant) {
        return new TeamsActivities(serviceUrl, otherEntraTenant, chat);
    }

    public ObjectNode message(User from, String text) {
        ObjectNode activity = base("message", from);
        activity.put("text", text);
        activity.put("textFormat", "plain");
        return activity;
    }

    /** What a client without Universal Actions sends for an Action.Submit: a message with a value. */
    public ObjectNode submit(User from, JsonNode data) {
        ObjectNode activity = base("message", from);
        activity.set("value", data);
        return activity;
    }

    /** The adaptiveCard/action invoke of an Action.Execute; {@code data} already holds the inputs. */
    public ObjectNode execute(User from, String verb, JsonNode data, boolean automatic) {
        ObjectNode activity = base("invoke", from);
        activity.put("name", "adaptiveCard/action");
        ObjectNode value = activity.putObject("value");
        ObjectNode action = value.putObject("action");
        action.put("type", "Action.Execute");
        action.put("id", UUID.randomUUID().toString());
        action.put("verb", verb);
        action.set("data", data);
        value.put("trigger", automatic ? "automatic" : "manual");
        return activity;
    }

    /** Someone added the bot (or, with {@code memberId}, someone else) to a chat. */
    public ObjectNode membersAdded(User by, String memberId) {
        ObjectNode activity = base("conversationUpdate", by);
        activity.putArray("membersAdded").addObject().put("id", memberId);
        return activity;
    }

    /** Someone removed the bot (or, with {@code memberId}, someone else) from the chat or team. */
    public ObjectNode membersRemoved(User by, String memberId) {
        ObjectNode activity = base("conversationUpdate", by);
        activity.putArray("membersRemoved").addObject().put("id", memberId);
        if (chat != null && chat.teamId() != null) {
            ((ObjectNode) activity.path("channelData")).put("eventType", "teamMemberRemoved");
        }
        return activity;
    }

    /** Someone installed the app ({@code action} "add") into the chat or team, or removed it ("remove"). */
    public ObjectNode installationUpdate(User by, String action) {
        ObjectNode activity = base("installationUpdate", by);
        activity.put("action", action);
        return activity;
    }

    private ObjectNode base(String type, User from) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", type);
        activity.put("id", "f:" + IDS.incrementAndGet());
        activity.put("timestamp", Instant.now().toString());
        activity.put("localTimestamp", Instant.now().toString());
        activity.put("serviceUrl", serviceUrl);
        activity.put("channelId", "msteams");
        activity.put("locale", "en-US");
        ObjectNode sender = activity.putObject("from");
        sender.put("id", from.id());
        sender.put("name", "Test User");
        sender.put("aadObjectId", "aad-" + from.id());
        ObjectNode conversation = activity.putObject("conversation");
        conversation.put("conversationType", chat == null ? "personal" : chat.conversationType());
        conversation.put("id", conversationId(from));
        if (entraTenant != null) {
            conversation.put("tenantId", entraTenant);
        }
        ObjectNode recipient = activity.putObject("recipient");
        recipient.put("id", BOT_ID);
        recipient.put("name", "licensebot");
        recipient.put("role", "bot");
        ObjectNode channelData = activity.putObject("channelData");
        if (entraTenant != null) {
            channelData.putObject("tenant").put("id", entraTenant);
        }
        if (chat != null && chat.teamId() != null) {
            channelData.putObject("team").put("id", chat.teamId());
            ObjectNode channel = channelData.putObject("channel").put("id", chat.conversationId().split(";")[0]);
            if (chat.name() != null) {
                channel.put("name", chat.name());
            }
        } else if (chat != null && chat.name() != null) {
            conversation.put("name", chat.name());
        }
        return activity;
    }
}
