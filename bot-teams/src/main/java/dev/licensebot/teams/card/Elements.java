package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The card elements the bot uses. Text passed in is shown as written: escape data first. */
public final class Elements {

    private Elements() {
    }

    public static ObjectNode text(String markdown) {
        return element("TextBlock").put("text", markdown).put("wrap", true);
    }

    public static ObjectNode heading(String markdown) {
        return text(markdown).put("size", "Medium").put("weight", "Bolder").put("style", "heading");
    }

    public static ObjectNode subtle(String markdown) {
        return text(markdown).put("isSubtle", true).put("size", "Small").put("spacing", "None");
    }

    public static ObjectNode attention(String markdown) {
        return text(markdown).put("color", "Attention");
    }

    public static ObjectNode monospace(String text) {
        return text(text).put("fontType", "Monospace");
    }

    /** An image with the text a screen reader reads instead; {@code url} may be a data: URI. */
    public static ObjectNode image(String url, String altText) {
        return element("Image").put("url", url).put("altText", altText).put("size", "Stretch");
    }

    /** Title/value pairs; values may hold markdown links. */
    public static ObjectNode facts(List<Fact> facts) {
        ObjectNode set = element("FactSet");
        ArrayNode array = set.putArray("facts");
        facts.forEach(fact -> array.addObject().put("title", fact.title()).put("value", fact.value()));
        return set;
    }

    public record Fact(String title, String value) {
    }

    public static ObjectNode container(List<ObjectNode> items) {
        return holding("Container", "items", items);
    }

    public static ObjectNode columns(List<ObjectNode> columns) {
        return holding("ColumnSet", "columns", columns);
    }

    /** {@code width} is "auto", "stretch" or a weight such as "2". */
    public static ObjectNode column(String width, List<ObjectNode> items) {
        return holding("Column", "items", items).put("width", width).put("verticalContentAlignment", "Center");
    }

    /** A checkbox whose value is {@code valueOn} when ticked and empty otherwise. */
    public static ObjectNode toggle(String id, String title, String valueOn) {
        return element("Input.Toggle").put("id", id).put("title", title).put("valueOn", valueOn)
                .put("valueOff", "").put("value", "").put("wrap", true);
    }

    public static ObjectNode actionSet(List<ObjectNode> actions) {
        return holding("ActionSet", "actions", actions);
    }

    /** One entry of a list: its title line and its facts, set off from the one above. */
    public static ObjectNode entry(String titleMarkdown, List<Fact> facts) {
        return separated(container(List.of(text(titleMarkdown), facts(facts))));
    }

    /** Draws a line above the element. */
    public static ObjectNode separated(ObjectNode element) {
        return element.put("separator", true);
    }

    private static ObjectNode element(String type) {
        return AdaptiveCard.JSON.objectNode().put("type", type);
    }

    /** An element of {@code type} whose array {@code key} holds {@code items}. */
    private static ObjectNode holding(String type, String key, List<ObjectNode> items) {
        ObjectNode element = element(type);
        items.forEach(element.putArray(key)::add);
        return element;
    }
}
