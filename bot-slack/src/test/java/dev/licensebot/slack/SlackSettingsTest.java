package dev.licensebot.slack;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackSettingsTest {

    @Test
    void slackIsOffWithoutASigningSecretOrAnAppToken() {
        assertEquals(Optional.empty(), SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1")));
    }

    @Test
    void aSigningSecretTurnsOnTheHttpEndpointAgainstSlacksOwnApi() {
        SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s",
                "SLACK_BOT_TOKEN", "xoxb-1")).orElseThrow();

        assertTrue(settings.httpEnabled());
        assertFalse(settings.socketModeEnabled());
        assertEquals("https://slack.com/api/", settings.apiUrl());
    }

    @Test
    void anAppTokenTurnsOnSocketModeAndTheApiUrlCanPointElsewhere() {
        SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_APP_TOKEN", "xapp-1",
                "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_API_URL", "http://127.0.0.1:9/api")).orElseThrow();

        assertTrue(settings.socketModeEnabled());
        assertFalse(settings.httpEnabled());
        assertEquals("http://127.0.0.1:9/api/", settings.apiUrl());
    }

    @Test
    void aMissingBotTokenIsNamedAtStartUp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlackSettings.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s")));

        assertTrue(e.getMessage().contains("SLACK_BOT_TOKEN"));
    }

    @Test
    void theSecretsNeverShowInTheSettingsText() {
        SlackSettings settings = new SlackSettings("secret-1", "xoxb-secret", "xapp-secret", null);

        assertFalse(settings.toString().contains("secret"), settings.toString());
    }
}
