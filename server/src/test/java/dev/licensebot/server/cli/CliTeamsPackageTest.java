package dev.licensebot.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.core.db.DbSettings;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.server.manifests.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `teams-package` writes a zip Teams accepts, and refuses an app id or host it would not. */
class CliTeamsPackageTest {

    private static final String APP_ID = "0F8D3C2A-1B4E-4C5D-9E6F-7A8B9C0D1E2F";
    private static final String HOST = "licensebot.example.com";
    // The command needs no database; this one stays unused.
    private static final DbSettings UNUSED = new DbSettings("jdbc:h2:mem:cli_" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE", "sa", "");

    @TempDir
    Path dir;

    @Test
    void thePackageHoldsAManifestTheOfficialSchemaAcceptsAndBothIcons() throws IOException {
        Path zip = dir.resolve("licensebot-teams.zip");
        CliHarness.Result result = run("teams-package", "--app-id", APP_ID, "--host", HOST, "--out", zip.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("Wrote " + zip), result::toString);
        Map<String, byte[]> files = unzip(zip);
        assertEquals(List.of("manifest.json", "color.png", "outline.png"), List.copyOf(files.keySet()));
        JsonNode manifest = Manifests.readJson(files.get("manifest.json"));
        Manifests.assertValid(Manifests.teamsSchema(), manifest, "manifest.json in the package");
        Manifests.assertSquarePng(files.get("color.png"), 192, "color.png");
        Manifests.assertWhiteOnTransparent(Manifests.assertSquarePng(files.get("outline.png"), 32, "outline.png"),
                "outline.png");
    }

    @Test
    void theAppIdAndHostAreFilledInEverywhereTheTemplateAsksForThem() throws IOException {
        Path zip = dir.resolve("teams.zip");
        run("teams-package", "--app-id", APP_ID, "--host", "Bot.Example.COM", "--out", zip.toString());

        JsonNode manifest = Manifests.readJson(unzip(zip).get("manifest.json"));
        String id = APP_ID.toLowerCase(Locale.ROOT);
        assertEquals(id, manifest.path("id").asText());
        assertEquals(id, manifest.at("/bots/0/botId").asText());
        assertEquals("[\"bot.example.com\"]", manifest.path("validDomains").toString());
        assertEquals("https://bot.example.com/", manifest.at("/developer/websiteUrl").asText());
        assertEquals("https://bot.example.com/privacy", manifest.at("/developer/privacyUrl").asText());
        assertEquals("https://bot.example.com/terms", manifest.at("/developer/termsOfUseUrl").asText());
        assertFalse(manifest.toString().contains("{{"), manifest::toPrettyString);
    }

    @Test
    void theOperatorsOwnPrivacyAndTermsLinksReplaceTheServedPages() throws IOException {
        Path zip = dir.resolve("teams.zip");
        CliHarness.Result result = run("teams-package", "--app-id", APP_ID, "--host", HOST, "--out", zip.toString(),
                "--privacy-url", "https://corp.example/privacy", "--terms-url", "https://corp.example/it-terms");

        assertEquals(0, result.exitCode(), result::toString);
        JsonNode manifest = Manifests.readJson(unzip(zip).get("manifest.json"));
        assertEquals("https://corp.example/privacy", manifest.at("/developer/privacyUrl").asText());
        assertEquals("https://corp.example/it-terms", manifest.at("/developer/termsOfUseUrl").asText());
    }

    @Test
    void aPrivacyLinkThatIsNotHttpsExitsTwoWithOneLine() {
        assertUsageError(run("teams-package", "--app-id", APP_ID, "--host", HOST, "--out", out(),
                "--privacy-url", "http://corp.example/privacy"), "--privacy-url: 'http://corp.example/privacy' is "
                + "not an https:// URL");
    }

    @Test
    void theIconsInThePackageAreTheOnesInManifests() throws IOException {
        Path zip = dir.resolve("teams.zip");
        run("teams-package", "--app-id", APP_ID, "--host", HOST, "--out", zip.toString());

        Map<String, byte[]> files = unzip(zip);
        assertArrayEquals(Files.readAllBytes(Manifests.repoFile("manifests/teams/color.png")), files.get("color.png"));
        assertArrayEquals(Files.readAllBytes(Manifests.repoFile("manifests/teams/outline.png")),
                files.get("outline.png"));
    }

    @Test
    void anExistingPackageIsReplaced() throws IOException {
        Path zip = dir.resolve("teams.zip");
        Files.writeString(zip, "an old package");

        assertEquals(0, run("teams-package", "--app-id", APP_ID, "--host", HOST, "--out", zip.toString()).exitCode());
        assertTrue(unzip(zip).containsKey("manifest.json"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no partial file is left beside it");
        }
    }

    @Test
    void anAppIdThatIsNoGuidExitsTwoWithOneLine() {
        assertUsageError(run("teams-package", "--app-id", "my-bot", "--host", HOST, "--out", out()),
                "--app-id: 'my-bot' is not a GUID");
    }

    @Test
    void aHostWithASchemeOrPathExitsTwoWithOneLine() {
        assertUsageError(run("teams-package", "--app-id", APP_ID, "--host", "https://" + HOST + "/api/messages",
                "--out", out()), "is not a bare host name such as licensebot.example.com");
        assertUsageError(run("teams-package", "--app-id", APP_ID, "--host", HOST + ":3978", "--out", out()),
                "no https://, port or path");
        assertUsageError(run("teams-package", "--app-id", APP_ID, "--host", "localhost", "--out", out()),
                "--host: 'localhost'");
    }

    @Test
    void anOutputInAFolderThatDoesNotExistExitsTwo() {
        assertUsageError(run("teams-package", "--app-id", APP_ID, "--host", HOST,
                "--out", dir.resolve("missing/teams.zip").toString()), "must be a file in an existing folder");
    }

    @Test
    void aMissingAppIdExitsTwoAndNamesIt() {
        assertUsageError(run("teams-package", "--host", HOST), "Missing required option: '--app-id=ID'");
    }

    private String out() {
        return dir.resolve("teams.zip").toString();
    }

    private static CliHarness.Result run(String... args) {
        return CliHarness.run(UNUSED, TestClock.at(TestCore.DEFAULT_START), args);
    }

    private void assertUsageError(CliHarness.Result result, String reason) {
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(1, result.errLines().size(), result::toString);
        assertTrue(result.err().startsWith("licensebot: "), result::toString);
        assertTrue(result.err().contains(reason), result::toString);
        assertEquals("", result.out());
        assertFalse(Files.exists(dir.resolve("teams.zip")), "nothing is written");
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                files.put(entry.getName(), entries.readAllBytes());
            }
        }
        return files;
    }
}
