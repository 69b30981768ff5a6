package dev.licensebot.slack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Interaction payloads built from the messages the bot really rendered: the pressed button is
 * taken from the message, and the checkbox state holds the options the person ticked there.
 */
public final class SlackPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackPayloads() {
    }

    /** The element with this action id anywhere in the message's (or view's) blocks. */
    public static JsonNode element(JsonNode message, String actionId) {
        return elements(message).stream().filter(e -> actionId.equals(e.path("action_id").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("No element " + actionId + " in " + message));
    }

    public static boolean hasElement(JsonNode message, String actionId) {
        return elements(message).stream().anyMatch(e -> actionId.equals(e.path("action_id").asText()));
    }

    /** A press of the button with this action id, on a message answered through {@code responseUrl}. */
    public static ObjectNode press(String teamId, String userId, JsonNode message, String actionId,
                                   String responseUrl, ObjectNode state) {
        JsonNode button = element(message, actionId);
        ObjectNode action = JSON.createObjectNode().put("action_id", actionId).put("block_id", "b")
                .put("type", button.path("type").asText()).put("action_ts", "1773130000.000100");
        if (button.has("value")) {
            action.put("value", button.get("value").asText());
        }
        if (button.has("text")) {
            action.set("text", button.get("text"));
        }
        return payload(teamId, userId, action, responseUrl, state);
    }

    /** Choosing the option with this value in the select menu with this action id. */
    public static ObjectNode select(String teamId, String userId, JsonNode message, String actionId, String value,
                                    String responseUrl) {
        JsonNode menu = element(message, actionId);
        JsonNode option = StreamSupport.stream(menu.path("options").spliterator(), false)
                .filter(o -> value.equals(o.path("value").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("No option " + value + " in " + menu));
        ObjectNode action = JSON.createObjectNode().put("action_id", actionId).put("block_id", "b")
                .put("type", "static_select").put("action_ts", "1773130000.000100");
        action.set("selected_option", option);
        return payload(teamId, userId, action, responseUrl, null);
    }

    /** A press on the Home tab: no response_url, the container is the view. */
    public static ObjectNode pressOnHome(String teamId, String userId, JsonNode view, String actionId) {
        ObjectNode payload = press(teamId, userId, view, actionId, null, null);
        payload.remove("response_url");
        payload.putObject("container").put("type", "view").put("view_id", "V1");
        return payload;
    }

    /** The message's state with these options of the checkbox group ticked. */
    public static ObjectNode ticked(JsonNode message, String blockId, String actionId, List<String> values) {
        JsonNode group = element(message, actionId);
        ArrayNode selected = JSON.createArrayNode();
        for (JsonNode option : group.path("options")) {
            if (values.contains(option.path("value").asText())) {
                selected.add(option);
            }
        }
        ObjectNode state = JSON.createObjectNode();
        ObjectNode value = state.putObject("values").putObject(blockId).putObject(actionId);
        value.put("type", "checkboxes");
        value.set("selected_options", selected);
        return state;
    }

    public static ObjectNode appHomeOpened(String teamId, String userId, String tab) {
        ObjectNode envelope = JSON.createObjectNode().put("token", "legacy").put("team_id", teamId)
                .put("api_app_id", "A0001").put("type", "event_callback").put("event_id", "Ev" + System.nanoTime())
                .put("event_time", 1773130000);
        envelope.putObject("event").put("type", "app_home_opened").put("user", userId).put("channel", "D0001")
                .put("tab", tab).put("event_ts", "1773130000.000100");
        return envelope;
    }

    private static ObjectNode payload(String teamId, String userId, ObjectNode action, String responseUrl,
                                      ObjectNode state) {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A0001")
                .put("token", "legacy").put("trigger_id", "1.2.3");
        payload.putObject("team").put("id", teamId).put("domain", "fake");
        payload.putObject("user").put("id", userId).put("username", "someone").put("team_id", teamId);
        payload.putObject("container").put("type", "message").put("message_ts", "1.000001")
                .put("channel_id", "C0001").put("is_ephemeral", true);
        payload.putObject("channel").put("id", "C0001").put("name", "licenses");
        if (responseUrl != null) {
            payload.put("response_url", responseUrl);
        }
        if (state == null) {
            payload.putObject("state").putObject("values");
        } else {
            payload.set("state", state);
        }
        payload.putArray("actions").add(action);
        return payload;
    }

    private static List<JsonNode> elements(JsonNode message) {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode block : message.path("blocks")) {
            block.path("elements").forEach(found::add);
            if (block.has("accessory")) {
                found.add(block.get("accessory"));
            }
        }
        return found;
    }
}
