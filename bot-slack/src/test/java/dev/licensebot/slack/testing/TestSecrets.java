package dev.licensebot.slack.testing;

import dev.licensebot.core.secrets.SecretBox;

/**
 * The LICENSEBOT_SECRETS_KEY of every test: the tests of one run share a database, and a database
 * accepts only the key its Slack secrets were first sealed with (secrets_key_check).
 */
public final class TestSecrets {

    public static final String KEY = "bGljZW5zZWJvdCB0ZXN0IGtleSwgMzIgYnl0ZXMgISE=";

    private TestSecrets() {
    }

    public static SecretBox box() {
        return SecretBox.ofBase64Key(KEY);
    }
}
