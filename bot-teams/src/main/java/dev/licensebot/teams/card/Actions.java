package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Card buttons. */
public final class Actions {

    private Actions() {
    }

    /**
     * A Universal Action: Teams sends an adaptiveCard/action invoke and shows the card that
     * comes back in place of this one. Clients without Universal Actions fall back to an
     * Action.Submit with the same data, which arrives as a message.
     */
    public static ObjectNode execute(String title, ActionData data) {
        ObjectNode action = AdaptiveCard.JSON.objectNode();
        action.put("type", "Action.Execute");
        action.put("title", title);
        action.put("verb", data.verb());
        action.set("data", data.toJson());
        ObjectNode fallback = action.putObject("fallback");
        fallback.put("type", "Action.Submit");
        fallback.put("title", title);
        fallback.set("data", data.toJson());
        return action;
    }

    /** A button that ends something: shown in the destructive style. */
    public static ObjectNode destructive(String title, ActionData data) {
        ObjectNode action = execute(title, data);
        action.put("style", "destructive");
        ((ObjectNode) action.get("fallback")).put("style", "destructive");
        return action;
    }

    public static ObjectNode positive(String title, ActionData data) {
        ObjectNode action = execute(title, data);
        action.put("style", "positive");
        ((ObjectNode) action.get("fallback")).put("style", "positive");
        return action;
    }
}
