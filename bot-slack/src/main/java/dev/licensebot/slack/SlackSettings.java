package dev.licensebot.slack;

import java.util.Map;
import java.util.Optional;

/**
 * How to reach Slack, read once at start-up. {@code signingSecret} enables the HTTP endpoint,
 * {@code appToken} Socket Mode; {@code apiUrl} is the Web API base (tests point it at a fake).
 */
public record SlackSettings(String signingSecret, String botToken, String appToken, String apiUrl) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        signingSecret = blankToNull(signingSecret);
        botToken = blankToNull(botToken);
        appToken = blankToNull(appToken);
        apiUrl = blankToNull(apiUrl) == null ? DEFAULT_API_URL : withSlash(apiUrl.trim());
        if (signingSecret == null && appToken == null) {
            throw new IllegalArgumentException("Slack needs SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode).");
        }
        if (botToken == null) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is required when Slack is enabled "
                    + "(SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set).");
        }
    }

    /** Slack is off (empty) unless a signing secret or an app token is set. */
    public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
        if (blankToNull(env.get("SLACK_SIGNING_SECRET")) == null && blankToNull(env.get("SLACK_APP_TOKEN")) == null) {
            return Optional.empty();
        }
        return Optional.of(new SlackSettings(env.get("SLACK_SIGNING_SECRET"), env.get("SLACK_BOT_TOKEN"),
                env.get("SLACK_APP_TOKEN"), env.get("SLACK_API_URL")));
    }

    public boolean httpEnabled() {
        return signingSecret != null;
    }

    public boolean socketModeEnabled() {
        return appToken != null;
    }

    /** Never the secrets: settings end up in logs. */
    @Override
    public String toString() {
        return "SlackSettings[http=" + httpEnabled() + ", socketMode=" + socketModeEnabled() + ", apiUrl=" + apiUrl + "]";
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
