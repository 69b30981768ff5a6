package dev.licensebot.slack.testing;

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
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks what the bot sends against the official Block Kit schema (../shared/schemas) and the
 * limits the schema leaves to us: 50 blocks a message, 100 on Home, one table a message.
 */
public final class BlockKit {

    public static final int MAX_MESSAGE_BLOCKS = 50;
    public static final int MAX_HOME_BLOCKS = 100;
    private static final String SCHEMA = "shared/schemas/slack-block-kit.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;
    private static JsonSchema modalSchema;

    private BlockKit() {
    }

    /** A message as posted to response_url or chat.postMessage: {"blocks": [...], "text": ...}. */
    public static void assertValidMessage(JsonNode message) {
        JsonNode blocks = message.path("blocks");
        assertTrue(blocks.isArray() && !blocks.isEmpty(), "a message has blocks: " + message);
        assertTrue(blocks.size() <= MAX_MESSAGE_BLOCKS, "at most 50 blocks in a message, got " + blocks.size());
        assertTrue(message.path("text").asText().length() <= 40_000, "the message text stays within Slack's limit");
        long tables = countType(blocks, "table");
        assertTrue(tables <= 1, "one table per message at most, got " + tables);
        assertValidBlocks(blocks);
    }

    /** A Home tab view as published with views.publish. */
    public static void assertValidHome(JsonNode view) {
        assertEquals("home", view.path("type").asText());
        JsonNode blocks = view.path("blocks");
        assertTrue(blocks.isArray() && !blocks.isEmpty(), "a Home tab has blocks");
        assertTrue(blocks.size() <= MAX_HOME_BLOCKS, "at most 100 blocks on Home, got " + blocks.size());
        assertValidBlocks(blocks);
    }

    /** A modal as opened with views.open or sent back with response_action: the schema's modal_view. */
    public static void assertValidModal(JsonNode view) {
        Set<ValidationMessage> errors = modalSchema().validate(view);
        if (!errors.isEmpty()) {
            fail("Modal view schema violations: " + errors + "\nin " + view.toPrettyString());
        }
        assertValidBlocks(view.path("blocks"));
    }

    public static void assertValidBlocks(JsonNode blocks) {
        Set<ValidationMessage> errors = schema().validate(blocks);
        if (!errors.isEmpty()) {
            fail("Block Kit schema violations: " + errors + "\nin " + blocks.toPrettyString());
        }
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if ("checkboxes".equals(element.path("type").asText())) {
                    assertTrue(element.path("options").size() <= 10, "at most 10 options per checkbox group");
                }
            }
        }
    }

    private static long countType(JsonNode blocks, String type) {
        long n = 0;
        for (JsonNode block : blocks) {
            if (type.equals(block.path("type").asText())) {
                n++;
            }
        }
        return n;
    }

    private static synchronized JsonSchema schema() {
        if (schema == null) {
            try {
                JsonNode node = JSON.readTree(Files.readString(RepoFiles.find(SCHEMA)));
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }

    /** The same document, pointed at its modal_view definition instead of an array of blocks. */
    private static synchronized JsonSchema modalSchema() {
        if (modalSchema == null) {
            try {
                ObjectNode node = (ObjectNode) JSON.readTree(Files.readString(RepoFiles.find(SCHEMA)));
                node.remove(List.of("type", "minItems", "maxItems", "items"));
                node.put("$ref", "#/$defs/modal_view");
                modalSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return modalSchema;
    }
}
