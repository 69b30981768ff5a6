package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Slack verifies the Request URL of a manifest before it sends anything there (docs/slack.md):
 * a signed url_verification event whose challenge must come back.
 */
class SlackRequestUrlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHALLENGE = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P";

    @OnBothDatabases
    void slackCanVerifyTheRequestUrlTheManifestNames(TestDatabase db) throws Exception {
        try (SlackFixture s = SlackFixture.on(db)) {
            ObjectNode verification = JSON.createObjectNode()
                    .put("token", "legacy")
                    .put("challenge", CHALLENGE)
                    .put("type", "url_verification");

            HttpResponse<String> response = s.client.event(verification, Map.of());

            assertEquals(200, response.statusCode(), response.body());
            // Slack takes the challenge back as plain text (or JSON); Bolt answers plain text.
            assertEquals(CHALLENGE, response.body());
        }
    }
}
