package dev.licensebot.teams.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The images of a card, wherever they sit, and the PNG bytes of an inline one. */
public final class CardImages {

    public static final String PNG_DATA = "data:image/png;base64,";

    private CardImages() {
    }

    public static List<JsonNode> of(JsonNode card) {
        List<JsonNode> images = new ArrayList<>();
        collect(card, images);
        return images;
    }

    public static byte[] png(JsonNode image) {
        String url = image.path("url").asText();
        assertTrue(url.startsWith(PNG_DATA), "an inline PNG: " + url.substring(0, Math.min(40, url.length())));
        return Base64.getDecoder().decode(url.substring(PNG_DATA.length()));
    }

    private static void collect(JsonNode node, List<JsonNode> images) {
        if (node.isObject()) {
            if ("Image".equals(node.path("type").asText())) {
                images.add(node);
            }
            node.fields().forEachRemaining(f -> collect(f.getValue(), images));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, images));
        }
    }
}
