package dev.licensebot.server.slack;

import dev.licensebot.slack.oauth.InstallLinks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Slack app distributed through OAuth v2 (issue 23): Bolt's install page and redirect on the
 * server, and the install links that bind an installation to a tenant.
 */
public final class SlackOAuthMount {

    public static final String INSTALL_PATH = "/slack/install";
    public static final String CALLBACK_PATH = "/slack/oauth/callback";
    /** What LICENSEBOT_SECRETS_KEY seals for Slack; the key check of {@code secrets_key_check}. */
    public static final String SECRETS_PURPOSE = "slack";

    private SlackOAuthMount() {
    }

    /** The install page of {@code publicUrl} opened with an install link. */
    public static String installUrl(String publicUrl, String token) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + INSTALL_PATH + "?" + InstallLinks.PARAMETER + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
