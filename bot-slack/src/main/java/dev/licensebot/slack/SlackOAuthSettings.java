package dev.licensebot.slack;

import dev.licensebot.core.secrets.SecretBox;

import java.util.Map;
import java.util.Optional;

/**
 * The Slack app distributed through OAuth v2 (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET): installable by
 * any workspace, whose tokens are kept in the database sealed with LICENSEBOT_SECRETS_KEY ({@code box}).
 * Read once at start-up; a missing or malformed key stops it with one line that never shows the key.
 */
public record SlackOAuthSettings(String clientId, String clientSecret, SecretBox box) {

    /** What the "Add to Slack" button asks for: the bot scopes of manifests/slack (SlackOAuthManifestTest). */
    public static final String BOT_SCOPES = "commands,chat:write,users:read,users:read.email,files:write,channels:read,groups:read";

    public SlackOAuthSettings {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("Installing Slack through OAuth needs both SLACK_CLIENT_ID and "
                    + "SLACK_CLIENT_SECRET (the app's Basic Information page).");
        }
        clientId = clientId.trim();
        clientSecret = clientSecret.trim();
    }

    /** Off (empty) unless SLACK_CLIENT_ID or SLACK_CLIENT_SECRET is set. */
    public static Optional<SlackOAuthSettings> fromEnvironment(Map<String, String> env) {
        String id = env.get("SLACK_CLIENT_ID");
        String secret = env.get("SLACK_CLIENT_SECRET");
        if ((id == null || id.isBlank()) && (secret == null || secret.isBlank())) {
            return Optional.empty();
        }
        SlackOAuthSettings settings = new SlackOAuthSettings(id, secret, null);
        String key = env.get("LICENSEBOT_SECRETS_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(SecretBox.KEY_VARIABLE + " is required with SLACK_CLIENT_ID: the "
                    + "workspaces' tokens are sealed with it (32 random bytes in base64: openssl rand -base64 32).");
        }
        return Optional.of(new SlackOAuthSettings(settings.clientId(), settings.clientSecret(),
                SecretBox.ofBase64Key(key)));
    }

    /** Never the secrets: settings end up in logs. */
    @Override
    public String toString() {
        return "SlackOAuthSettings[clientId=" + clientId + "]";
    }
}
