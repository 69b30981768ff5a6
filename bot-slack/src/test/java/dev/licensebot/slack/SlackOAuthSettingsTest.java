package dev.licensebot.slack;

import dev.licensebot.slack.testing.TestSecrets;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackOAuthSettingsTest {

    private static Map<String, String> oauthEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_SIGNING_SECRET", "signing");
        env.put("SLACK_CLIENT_ID", "1234.5678");
        env.put("SLACK_CLIENT_SECRET", "client-secret-value");
        env.put("LICENSEBOT_SECRETS_KEY", TestSecrets.KEY);
        env.put("PUBLIC_URL", "https://licensebot.example.com");
        return env;
    }

    private static String refusal(Map<String, String> env) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SlackSettings.fromEnvironment(env));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(e.getMessage().contains(TestSecrets.KEY), "never the key");
        return e.getMessage();
    }

    @Test
    void aClientIdAndSecretWithAKeyMakeADistributedAppWithoutABotToken() {
        SlackSettings settings = SlackSettings.fromEnvironment(oauthEnv()).orElseThrow();

        assertTrue(settings.oauthEnabled());
        assertEquals("1234.5678", settings.oauth().clientId());
        assertFalse(settings.toString().contains("client-secret-value"), settings.toString());
        assertFalse(settings.toString().contains(TestSecrets.KEY), settings.toString());
    }

    @Test
    void bothModesAtOnceIsOneLineStartUpError() {
        Map<String, String> env = oauthEnv();
        env.put("SLACK_BOT_TOKEN", "xoxb-one-workspace");

        assertTrue(refusal(env).startsWith("Set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID"));
    }

    @Test
    void socketModeStaysSingleWorkspace() {
        Map<String, String> env = oauthEnv();
        env.put("SLACK_APP_TOKEN", "xapp-1");

        assertTrue(refusal(env).startsWith("Socket Mode serves one workspace"));
    }

    @Test
    void aMissingOrMalformedKeyOrAMissingPartIsRefusedInOneLine() {
        Map<String, String> noKey = oauthEnv();
        noKey.remove("LICENSEBOT_SECRETS_KEY");
        Map<String, String> shortKey = oauthEnv();
        shortKey.put("LICENSEBOT_SECRETS_KEY", "c2hvcnQ=");
        Map<String, String> noSecret = oauthEnv();
        noSecret.remove("SLACK_CLIENT_SECRET");
        Map<String, String> noUrl = oauthEnv();
        noUrl.remove("PUBLIC_URL");
        Map<String, String> noSigning = oauthEnv();
        noSigning.remove("SLACK_SIGNING_SECRET");

        assertTrue(refusal(noKey).startsWith("LICENSEBOT_SECRETS_KEY is required with SLACK_CLIENT_ID"));
        assertTrue(refusal(shortKey).startsWith("LICENSEBOT_SECRETS_KEY must be 32 bytes"));
        assertTrue(refusal(noSecret).contains("SLACK_CLIENT_SECRET"));
        assertTrue(refusal(noUrl).startsWith("PUBLIC_URL is required with SLACK_CLIENT_ID"));
        assertTrue(refusal(noSigning).startsWith("SLACK_SIGNING_SECRET is required with SLACK_CLIENT_ID"));
    }
}
