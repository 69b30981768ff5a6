package dev.licensebot.teams.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.licensebot.core.testing.RepoFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks a card against the official Adaptive Cards 1.5 schema (../shared/schemas) and against
 * what the schema leaves to us: Teams' 28 KB message limit, and no button nobody could use.
 */
public final class AdaptiveCards {

    /** Teams refuses messages above about 28 KB; a card must leave room for the activity around it. */
    public static final int MAX_BYTES = 28 * 1024;
    private static final String SCHEMA = "shared/schemas/adaptive-card.v1.5.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    private AdaptiveCards() {
    }

    public static void assertValid(JsonNode card) {
        assertEquals("AdaptiveCard", card.path("type").asText(), "an Adaptive Card: " + card);
        assertEquals("1.5", card.path("version").asText());
        Set<ValidationMessage> errors = schema().validate(card);
        if (!errors.isEmpty()) {
            fail("Adaptive Card 1.5 schema violations: " + errors + "\nin " + card.toPrettyString());
        }
        int bytes = card.toString().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < MAX_BYTES, "a card stays under 28 KB, this one has " + bytes + " bytes");
        assertTrue(!card.toString().contains("Exception") && !card.toString().contains("\tat "),
                "no stack trace in a card: " + card);
    }

    /** Every text of the card, in order, as a person reads it (markdown escapes resolved). */
    public static String text(JsonNode card) {
        StringBuilder text = new StringBuilder();
        collect(card, text);
        return text.toString().replaceAll("\\\\(.)", "$1");
    }

    /** Every Action.Execute of the card, wherever it sits (card actions, action sets, refresh). */
    public static List<JsonNode> executeActions(JsonNode card) {
        List<JsonNode> actions = new ArrayList<>();
        findActions(card, actions);
        return actions;
    }

    /** The first Action.Execute whose title starts with {@code title}; fails when there is none. */
    public static JsonNode button(JsonNode card, String title) {
        return executeActions(card).stream()
                .filter(a -> a.path("title").asText().startsWith(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No button \"" + title + "\" on " + card.toPrettyString()));
    }

    /** The card's Action.Submit titled {@code title}; fails when there is none. */
    public static JsonNode submitButton(JsonNode card, String title) {
        for (JsonNode action : card.path("actions")) {
            if ("Action.Submit".equals(action.path("type").asText()) && title.equals(action.path("title").asText())) {
                return action;
            }
        }
        throw new AssertionError("No Action.Submit \"" + title + "\" on " + card.toPrettyString());
    }

    /** The titles of the card's own buttons, in order. */
    public static List<String> buttonTitles(JsonNode card) {
        List<String> titles = new ArrayList<>();
        card.path("actions").forEach(a -> titles.add(a.path("title").asText()));
        return titles;
    }

    public static boolean hasButtons(JsonNode card) {
        return !executeActions(card).isEmpty() || card.toString().contains("\"Action.Submit\"");
    }

    private static void collect(JsonNode node, StringBuilder text) {
        if (node.isObject()) {
            for (String field : List.of("text", "title", "value")) {
                if (node.path(field).isTextual()) {
                    text.append(node.path(field).asText()).append('\n');
                }
            }
            node.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("data") && !f.getKey().equals("fallback")) {
                    collect(f.getValue(), text);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, text));
        }
    }

    private static void findActions(JsonNode node, List<JsonNode> actions) {
        if (node.isObject()) {
            if ("Action.Execute".equals(node.path("type").asText())) {
                actions.add(node);
            }
            node.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("fallback")) {
                    findActions(f.getValue(), actions);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> findActions(child, actions));
        }
    }

    private static synchronized JsonSchema schema() {
        if (schema == null) {
            try {
                ObjectNode node = (ObjectNode) JSON.readTree(Files.readString(RepoFiles.find(SCHEMA)));
                // Validators refuse the schema's draft-04 style top-level "id".
                node.remove("id");
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6).getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }
}
