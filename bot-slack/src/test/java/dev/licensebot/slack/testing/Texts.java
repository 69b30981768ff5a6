package dev.licensebot.slack.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Everything a person would read in a message or view, joined, for assertions. */
public final class Texts {

    private Texts() {
    }

    public static String of(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return String.join("\n", texts);
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual() && (field.getKey().equals("text") || field.getKey().equals("fallback"))) {
                    texts.add(field.getValue().asText());
                } else {
                    collect(field.getValue(), texts);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, texts));
        }
    }
}
