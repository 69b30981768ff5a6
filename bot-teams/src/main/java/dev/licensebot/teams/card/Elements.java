package dev.licensebot.teams.card;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The card elements the bot uses. Text passed in is shown as written: escape data first. */
public final class Elements {

    private Elements() {
    }

    public static ObjectNode text(String markdown) {
        ObjectNode block = element("TextBlock");
        block.put("text", markdown);
        block.put("wrap", true);
        return block;
    }

    public static ObjectNode heading(String markdown) {
        ObjectNode block = text(markdown);
        block.put("size", "Medium");
        block.put("weight", "Bolder");
        block.put("style", "heading");
        return block;
    }

    public static ObjectNode subtle(String markdown) {
        ObjectNode block = text(markdown);
        block.put("isSubtle", true);
        block.put("size", "Small");
        block.put("spacing", "None");
        return block;
    }

    public static ObjectNode attention(String markdown) {
        ObjectNode block = text(markdown);
        block.put("color", "Attention");
        return block;
    }

    public static ObjectNode monospace(String text) {
        ObjectNode block = text(text);
        block.put("fontType", "Monospace");
        return block;
    }

    /** An image with the text a screen reader reads instead; {@code url} may be a data: URI. */
    public static ObjectNode image(String url, String altText) {
        ObjectNode image = element("Image");
        image.put("url", url);
        image.put("altText", altText);
        image.put("size", "Stretch");
        return image;
    }

    /** Title/value pairs; values may hold markdown links. */
    public static ObjectNode facts(List<Fact> facts) {
        ObjectNode set = element("FactSet");
        ArrayNode array = set.putArray("facts");
        for (Fact fact : facts) {
            ObjectNode item = array.addObject();
            item.put("title", fact.title());
            item.put("value", fact.value());
        }
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
        ObjectNode column = holding("Column", "items", items);
        column.put("width", width);
        column.put("verticalContentAlignment", "Center");
        return column;
    }

    /** A checkbox whose value is {@code valueOn} when ticked and empty otherwise. */
    public static ObjectNode toggle(String id, String title, String valueOn) {
        ObjectNode toggle = element("Input.Toggle");
        toggle.put("id", id);
        toggle.put("title", title);
        toggle.put("valueOn", valueOn);
        toggle.put("valueOff", "");
        toggle.put("value", "");
        toggle.put("wrap", true);
        return toggle;
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
        element.put("separator", true);
        return element;
    }

    private static ObjectNode element(String type) {
        ObjectNode element = AdaptiveCard.JSON.objectNode();
        element.put("type", type);
        return element;
    }

    /** An element of {@code type} whose array {@code key} holds {@code items}. */
    private static ObjectNode holding(String type, String key, List<ObjectNode> items) {
        ObjectNode element = element(type);
        items.forEach(element.putArray(key)::add);
        return element;
    }
}
