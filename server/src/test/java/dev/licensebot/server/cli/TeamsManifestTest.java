package dev.licensebot.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.RequestParser;
import dev.licensebot.server.manifests.Manifests;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** manifests/teams: the template, once its placeholders are filled, is what Teams accepts. */
class TeamsManifestTest {

    private static final String APP_ID = "0f8d3c2a-1b4e-4c5d-9e6f-7a8b9c0d1e2f";

    @Test
    void theTemplateHasPlaceholdersForTheAppIdAndHost() {
        JsonNode template = template();

        assertEquals("{{MICROSOFT_APP_ID}}", template.path("id").asText());
        assertEquals("{{MICROSOFT_APP_ID}}", template.at("/bots/0/botId").asText());
        assertEquals("[\"{{HOST}}\"]", template.path("validDomains").toString());
    }

    @Test
    void theFilledTemplateIsValidAgainstTheOfficialSchema() {
        Manifests.assertValid(Manifests.teamsSchema(), filled(), "manifests/teams/manifest.json");
    }

    @Test
    void theSchemaIsLoadedSoThatItsConstIsEnforced() {
        ObjectNode older = filled();
        older.put("manifestVersion", "1.21");

        assertFalse(Manifests.teamsSchema().validate(older).isEmpty(), "manifestVersion is held to 1.22");
    }

    @Test
    void theBotTalksInPersonalChatsTeamsAndGroupChats() {
        JsonNode bot = filled().at("/bots/0");

        assertEquals(Set.of("personal", "team", "groupChat"), texts(bot.path("scopes")));
        assertFalse(bot.path("isNotificationOnly").asBoolean());
    }

    @Test
    void theCommandMenuOffersEveryPhraseFamilyInWordsTheBotUnderstands() {
        Set<String> families = new TreeSet<>();
        for (JsonNode list : filled().at("/bots/0/commandLists")) {
            assertEquals(Set.of("personal", "team", "groupChat"), texts(list.path("scopes")));
            for (JsonNode command : list.path("commands")) {
                families.add(family(command.path("title").asText()));
            }
        }

        assertEquals(new TreeSet<>(List.of("usage", "active", "history USERS", "history SESSIONS",
                "history PURCHASES", "terminate", "replenish", "help")), families);
    }

    @Test
    void theIconsHaveTheSizesTeamsDemandsAndTheOutlineIsWhiteOnTransparent() throws IOException {
        byte[] color = Files.readAllBytes(Manifests.repoFile("manifests/teams/color.png"));
        byte[] outline = Files.readAllBytes(Manifests.repoFile("manifests/teams/outline.png"));

        Manifests.assertSquarePng(color, 192, "color.png");
        Manifests.assertWhiteOnTransparent(Manifests.assertSquarePng(outline, 32, "outline.png"), "outline.png");
    }

    /**
     * What a title from the menu asks for. Teams puts the title in the message box; for terminate
     * and replenish the person then adds the rest, so alone they earn a hint, not a "did not understand".
     */
    private static String family(String title) {
        try {
            LicenseRequest request = RequestParser.parse(title);
            if (request instanceof LicenseRequest.History history) {
                return "history " + history.kind();
            }
            if (request instanceof LicenseRequest.Help help) {
                assertTrue(help.unknownWords().isEmpty(), "the bot understands \"" + title + "\": " + help);
            }
            return request.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        } catch (Refusal refusal) {
            String word = title.split(" ")[0];
            assertTrue(Set.of("terminate", "replenish").contains(word),
                    "\"" + title + "\" is refused: " + refusal.userMessage());
            return word;
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode template() {
        return Manifests.readJson(Manifests.repoFile("manifests/teams/manifest.json"));
    }

    /** The template with the placeholders filled in, the way teams-package does it. */
    private static ObjectNode filled() {
        ObjectNode manifest = TeamsPackageCommand.filled((ObjectNode) template(), Map.of(
                TeamsPackageCommand.APP_ID, APP_ID, TeamsPackageCommand.HOST, "licensebot.example.com",
                TeamsPackageCommand.PRIVACY_URL, "https://licensebot.example.com/privacy",
                TeamsPackageCommand.TERMS_URL, "https://licensebot.example.com/terms"));
        assertFalse(manifest.toString().contains("{{"), "no placeholder but the app id, host and links: " + manifest);
        return manifest;
    }
}
