package dev.licensebot.teams.turn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an incoming Teams activity the bot looks at, read from its JSON so that nothing
 * past the transport depends on the Bot Framework SDK.
 *
 * @param value        the activity's value: a card action's data (Action.Submit) or an invoke's payload
 * @param entraTenant  channelData.tenant.id, or conversation.tenantId when Teams put it there
 * @param membersAdded ids of the members a conversationUpdate added
 * @param place        where the conversation is and where it takes messages
 * @param membersRemoved ids of the members a conversationUpdate removed
 * @param action       an installationUpdate's: add, remove (and their -upgrade variants)
 */
public record Incoming(String type, String name, String text, JsonNode value, String fromId, String fromName,
                       String conversationId, String entraTenant, String recipientId, List<String> membersAdded,
                       Place place, List<String> membersRemoved, String action) {

    /**
     * @param serviceUrl       where the Bot Connector takes messages for the conversation
     * @param conversationType Teams': personal, groupChat or channel
     * @param teamId           channelData.team.id, for a team's channel; null otherwise
     * @param name             the channel's name, else the conversation's (a named group chat); null when
     *                         Teams does not say (personal chats, a team's General channel)
     */
    public record Place(String serviceUrl, String conversationType, String teamId, String name) {
        static final Place UNKNOWN = new Place(null, null, null, null);
    }

    public Incoming {
        value = value == null ? MissingNode.getInstance() : value;
        membersAdded = List.copyOf(membersAdded);
        place = place == null ? Place.UNKNOWN : place;
        membersRemoved = membersRemoved == null ? List.of() : List.copyOf(membersRemoved);
    }

    /** An activity that adds and removes nobody and says nothing of its place. */
    public Incoming(String type, String name, String text, JsonNode value, String fromId, String fromName,
                    String conversationId, String entraTenant, String recipientId, List<String> membersAdded) {
        this(type, name, text, value, fromId, fromName, conversationId, entraTenant, recipientId, membersAdded,
                null, null, null);
    }

    public static Incoming from(JsonNode activity) {
        JsonNode conversation = activity.path("conversation");
        String tenant = text(activity.path("channelData").path("tenant").path("id"));
        String channelName = text(activity.path("channelData").path("channel").path("name"));
        Place place = new Place(text(activity.path("serviceUrl")), text(conversation.path("conversationType")),
                text(activity.path("channelData").path("team").path("id")),
                channelName != null ? channelName : text(conversation.path("name")));
        return new Incoming(text(activity.path("type")), text(activity.path("name")), text(activity.path("text")),
                activity.path("value"), text(activity.path("from").path("id")),
                text(activity.path("from").path("name")), text(conversation.path("id")),
                tenant != null ? tenant : text(conversation.path("tenantId")),
                text(activity.path("recipient").path("id")), ids(activity.path("membersAdded")),
                place, ids(activity.path("membersRemoved")), text(activity.path("action")));
    }

    private static List<String> ids(JsonNode members) {
        List<String> ids = new ArrayList<>();
        members.forEach(member -> {
            String id = text(member.path("id"));
            if (id != null) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
