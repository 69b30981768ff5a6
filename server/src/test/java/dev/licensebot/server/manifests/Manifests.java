package dev.licensebot.server.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.licensebot.core.testing.RepoFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The files of manifests/ and the official schemas of ../shared/schemas that judge them, found
 * from wherever the tests run (a module folder below the repository, beside shared/).
 */
public final class Manifests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private Manifests() {
    }

    /** A file of the repository, e.g. "manifests/slack/manifest.yml". */
    public static Path repoFile(String relative) {
        return RepoFiles.find(relative);
    }

    public static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readJson(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Slack app manifest schema matching the manifest's _metadata.major_version (draft-07). */
    public static JsonSchema slackSchema(int majorVersion) {
        return schema("slack-app-manifest.v" + majorVersion + ".schema.json");
    }

    /**
     * The Teams 1.22 schema as draft-07: it declares draft-04 but uses `const`, which draft-04
     * validators ignore, so manifestVersion would go unchecked.
     */
    public static JsonSchema teamsSchema() {
        return schema("teams-app-manifest.v1.22.schema.json");
    }

    private static JsonSchema schema(String file) {
        ObjectNode node = (ObjectNode) readJson(RepoFiles.find("shared/schemas/" + file));
        // The factory would follow a $schema that names draft-04; draft-07 is what we want for all.
        node.put("$schema", "http://json-schema.org/draft-07/schema#");
        // Slack's schema carries two keywords of its own; known as notes, they stop the warnings.
        JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                .keyword(new NonValidationKeyword("_note"))
                .keyword(new NonValidationKeyword("regex"))
                .build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, factory -> factory.metaSchema(draft7))
                .getSchema(node);
    }

    public static void assertValid(JsonSchema schema, JsonNode document, String what) {
        Set<ValidationMessage> errors = schema.validate(document);
        if (!errors.isEmpty()) {
            fail(what + " breaks the official schema: " + errors + "\n" + document.toPrettyString());
        }
    }

    /** A PNG of exactly size×size pixels. */
    public static BufferedImage assertSquarePng(byte[] png, int size, String what) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertNotNull(image, what + " is a PNG");
        assertEquals(size, image.getWidth(), what + " width");
        assertEquals(size, image.getHeight(), what + " height");
        return image;
    }

    /** Teams' outline icon: every pixel white (at any opacity) or fully transparent, and some of each. */
    public static void assertWhiteOnTransparent(BufferedImage image, String what) {
        int white = 0;
        int transparent = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha == 0) {
                    transparent++;
                } else if ((argb & 0xFFFFFF) == 0xFFFFFF) {
                    white++;
                } else {
                    fail(what + " has a pixel that is neither white nor transparent at " + x + "," + y
                            + ": " + Integer.toHexString(argb));
                }
            }
        }
        assertEquals(true, white > 0 && transparent > 0, what + " has both white and transparent pixels");
    }
}
