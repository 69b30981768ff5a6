package dev.licensebot.server.slack;

import dev.licensebot.core.secrets.SecretBox;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.server.LicenseServer;
import dev.licensebot.server.ServerSettings;
import dev.licensebot.slack.SlackOAuthSettings;
import dev.licensebot.slack.SlackSettings;
import dev.licensebot.slack.SlackStartupException;
import dev.licensebot.slack.testing.FakeSlack;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SlackOAuthStartupTest {

    @OnBothDatabases
    void aStartWithAnotherKeyThanTheTokensWereSealedWithStopsInOneLine(TestDatabase db) {
        TestCore t = TestCore.on(db);
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);
        String otherKey = Base64.getEncoder().encodeToString(other);
        try (FakeSlack slack = FakeSlack.start()) {
            // The database's tokens are sealed with the tests' key.
            new SlackOAuthNode(t, slack).close();
            ServerSettings settings = new ServerSettings("127.0.0.1", 0, db.settings(), SlackFixture.HISTORY_URL)
                    .withSlack(new SlackSettings(SlackFixture.SIGNING_SECRET, null, null, slack.apiUrl(),
                            "https://licensebot.example.com", null, new SlackOAuthSettings(SlackOAuthNode.CLIENT_ID,
                            SlackOAuthNode.CLIENT_SECRET, SecretBox.ofBase64Key(otherKey))));

            SlackStartupException refused = assertThrows(SlackStartupException.class,
                    () -> LicenseServer.start(settings, t.clock()).close());

            assertEquals("LICENSEBOT_SECRETS_KEY is not the key the stored slack secrets were sealed with; "
                    + "start with the original key.", refused.getMessage());
            assertFalse(refused.getMessage().contains(otherKey));
        }
    }
}
