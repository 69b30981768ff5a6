package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Builds the root of an Adaptive Card 1.5: body, actions and the optional refresh block. */
public final class AdaptiveCard {

    public static final String VERSION = "1.5";
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode card = JSON.objectNode();
    private final ArrayNode body;
    private final ArrayNode actions = JSON.arrayNode();

    private AdaptiveCard(String fallbackText) {
        card.put("type", "AdaptiveCard").put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("version", VERSION).put("fallbackText", fallbackText);
        body = card.putArray("body");
    }

    /** {@code fallbackText} is what clients that cannot show the card show instead. */
    public static AdaptiveCard titled(String fallbackText) {
        return new AdaptiveCard(fallbackText);
    }

    public AdaptiveCard add(ObjectNode element) {
        body.add(element);
        return this;
    }

    public AdaptiveCard action(ObjectNode action) {
        actions.add(action);
        return this;
    }

    public AdaptiveCard actions(List<ObjectNode> more) {
        more.forEach(actions::add);
        return this;
    }

    /**
     * Keeps the card current: when {@code teamsUserId} opens it again, Teams runs {@code data}
     * as an Action.Execute and shows the card that comes back. Only views get one, never a
     * confirmation, so a refresh can never act.
     */
    public AdaptiveCard refresh(ActionData data, String teamsUserId) {
        if (teamsUserId == null) {
            return this;
        }
        ObjectNode refresh = card.putObject("refresh").put("type", "Refresh");
        refresh.putObject("action").put("type", "Action.Execute").put("verb", data.verb()).set("data", data.toJson());
        refresh.putArray("userIds").add(teamsUserId);
        return this;
    }

    public ObjectNode build() {
        ObjectNode built = card.deepCopy();
        if (!actions.isEmpty()) {
            built.set("actions", actions.deepCopy());
        }
        return built;
    }
}
