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
        ObjectNode action = AdaptiveCard.JSON.objectNode().put("type", "Action.Execute").put("title", title)
                .put("verb", data.verb());
        action.set("data", data.toJson());
        action.putObject("fallback").put("type", "Action.Submit").put("title", title).set("data", data.toJson());
        return action;
    }

    /**
     * A button that sends its data as a message from whoever pressed it, and leaves the card as
     * it is: for a card many people share (an alert), which only the bot's own update may change.
     */
    public static ObjectNode submit(String title, ActionData data) {
        ObjectNode action = AdaptiveCard.JSON.objectNode().put("type", "Action.Submit").put("title", title);
        action.set("data", data.toJson());
        return action;
    }

    /** A button in {@code style}: "destructive" for one that ends something, "positive" for one that adds. */
    public static ObjectNode styled(String style, String title, ActionData data) {
        ObjectNode action = execute(title, data).put("style", style);
        ((ObjectNode) action.get("fallback")).put("style", style);
        return action;
    }
}
