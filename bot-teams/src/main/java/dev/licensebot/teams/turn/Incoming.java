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
 */
public record Incoming(String type, String name, String text, JsonNode value, String fromId, String fromName,
                       String conversationId, String entraTenant, String recipientId, List<String> membersAdded) {

    public Incoming {
        value = value == null ? MissingNode.getInstance() : value;
        membersAdded = List.copyOf(membersAdded);
    }

    public static Incoming from(JsonNode activity) {
        JsonNode conversation = activity.path("conversation");
        String tenant = text(activity.path("channelData").path("tenant").path("id"));
        List<String> added = new ArrayList<>();
        activity.path("membersAdded").forEach(member -> {
            String id = text(member.path("id"));
            if (id != null) {
                added.add(id);
            }
        });
        return new Incoming(text(activity.path("type")), text(activity.path("name")), text(activity.path("text")),
                activity.path("value"), text(activity.path("from").path("id")),
                text(activity.path("from").path("name")), text(conversation.path("id")),
                tenant != null ? tenant : text(conversation.path("tenantId")),
                text(activity.path("recipient").path("id")), added);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
