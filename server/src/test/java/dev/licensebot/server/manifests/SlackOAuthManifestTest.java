package dev.licensebot.server.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensebot.slack.SlackOAuthSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** manifests/slack/manifest.oauth: the app any workspace installs through OAuth v2. */
class SlackOAuthManifestTest {

    private static final String OAUTH = "manifests/slack/manifest.oauth";

    private static JsonNode read(String ext) {
        return ext.equals(".yml") ? Manifests.readYaml(Manifests.repoFile(OAUTH + ext))
                : Manifests.readJson(Manifests.repoFile(OAUTH + ext));
    }

    @Test
    void theOAuthManifestIsValidAgainstTheOfficialSchemaAndTheSameInYamlAndJson() {
        for (String ext : new String[] {".yml", ".json"}) {
            JsonNode document = read(ext);
            Manifests.assertValid(Manifests.slackSchema(document.at("/_metadata/major_version").asInt()), document,
                    OAUTH + ext);
        }
        assertEquals(read(".yml"), read(".json"));
    }

    @Test
    void slackSendsInstallersBackToTheCallbackAndTellsOfUninstalls() {
        JsonNode manifest = read(".json");

        assertEquals("[\"https://YOUR_HOST/slack/oauth/callback\"]",
                manifest.at("/oauth_config/redirect_urls").toString());
        List<String> events = new ArrayList<>();
        manifest.at("/settings/event_subscriptions/bot_events").forEach(e -> events.add(e.asText()));
        assertTrue(events.containsAll(List.of("app_home_opened", "app_uninstalled", "tokens_revoked")), events::toString);
        assertFalse(manifest.at("/settings/socket_mode_enabled").asBoolean(), "Socket Mode serves one workspace");
        assertTrue(manifest.at("/settings/org_deploy_enabled").asBoolean(), "org-wide installs on Enterprise Grid");
    }

    @Test
    void theAddToSlackButtonAsksForTheManifestsBotScopes() {
        List<String> scopes = new ArrayList<>();
        read(".json").at("/oauth_config/scopes/bot").forEach(s -> scopes.add(s.asText()));
        List<String> http = new ArrayList<>();
        Manifests.readJson(Manifests.repoFile("manifests/slack/manifest.json")).at("/oauth_config/scopes/bot")
                .forEach(s -> http.add(s.asText()));

        assertEquals(String.join(",", scopes), SlackOAuthSettings.BOT_SCOPES);
        assertEquals(http, scopes);
    }
}
