package dev.licensebot.slack;

import dev.licensebot.slack.chart.ChartLinks;

import java.util.Map;
import java.util.Optional;

/**
 * How to reach Slack, read once at start-up. {@code signingSecret} enables the HTTP endpoint,
 * {@code appToken} Socket Mode; {@code apiUrl} is the Web API base (tests point it at a fake).
 * {@code publicUrl} (PUBLIC_URL) is where Slack can reach this server to fetch usage graphs; without
 * it answers show the graph's sparkline only. {@code chartUrlSecret} (CHART_URL_SECRET, optional)
 * signs those links; by default they are signed with a key derived from the Slack secrets, which
 * every node of one app shares anyway. {@code oauth} (null: one workspace, SLACK_BOT_TOKEN) makes it
 * a distributed app that any workspace installs through OAuth v2 (docs/slack.md).
 */
public record SlackSettings(String signingSecret, String botToken, String appToken, String apiUrl, String publicUrl,
                            String chartUrlSecret, SlackOAuthSettings oauth) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        signingSecret = blankToNull(signingSecret);
        botToken = blankToNull(botToken);
        appToken = blankToNull(appToken);
        apiUrl = blankToNull(apiUrl) == null ? DEFAULT_API_URL : withSlash(apiUrl.trim());
        publicUrl = blankToNull(publicUrl);
        chartUrlSecret = blankToNull(chartUrlSecret);
        if (publicUrl != null && !publicUrl.startsWith("https://") && !publicUrl.startsWith("http://")) {
            throw new IllegalArgumentException("PUBLIC_URL must be an http(s) URL such as https://licensebot.example.com, "
                    + "not " + publicUrl);
        }
        if (signingSecret == null && appToken == null && oauth == null) {
            throw new IllegalArgumentException("Slack needs SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode).");
        }
        if (oauth != null) {
            requireOAuthFits(signingSecret, botToken, appToken, publicUrl);
        } else if (botToken == null) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is required when Slack is enabled "
                    + "(SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set).");
        }
    }

    public SlackSettings(String signingSecret, String botToken, String appToken, String apiUrl, String publicUrl,
                         String chartUrlSecret) {
        this(signingSecret, botToken, appToken, apiUrl, publicUrl, chartUrlSecret, null);
    }

    public SlackSettings(String signingSecret, String botToken, String appToken, String apiUrl) {
        this(signingSecret, botToken, appToken, apiUrl, null, null, null);
    }

    public SlackSettings withPublicUrl(String url) {
        return new SlackSettings(signingSecret, botToken, appToken, apiUrl, url, chartUrlSecret, oauth);
    }

    public SlackSettings withOAuth(SlackOAuthSettings newOAuth) {
        return new SlackSettings(signingSecret, botToken, appToken, apiUrl, publicUrl, chartUrlSecret, newOAuth);
    }

    /** Many workspaces through OAuth: one mode at a time, over HTTP only, reachable at PUBLIC_URL. */
    private static void requireOAuthFits(String signingSecret, String botToken, String appToken, String publicUrl) {
        if (botToken != null) {
            throw new IllegalArgumentException("Set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and "
                    + "SLACK_CLIENT_SECRET (any workspace, installed through OAuth), not both.");
        }
        if (appToken != null) {
            throw new IllegalArgumentException("Socket Mode serves one workspace: unset SLACK_APP_TOKEN to install "
                    + "through OAuth (SLACK_CLIENT_ID), or use SLACK_BOT_TOKEN.");
        }
        if (signingSecret == null) {
            throw new IllegalArgumentException("SLACK_SIGNING_SECRET is required with SLACK_CLIENT_ID.");
        }
        if (publicUrl == null) {
            throw new IllegalArgumentException("PUBLIC_URL is required with SLACK_CLIENT_ID: Slack sends installers "
                    + "back to PUBLIC_URL/slack/oauth/callback.");
        }
    }

    public boolean oauthEnabled() {
        return oauth != null;
    }

    /** The key of the usage graph links: the same on every node, as the secrets it comes from are. */
    public byte[] chartLinkKey() {
        return ChartLinks.deriveKey(chartUrlSecret != null ? chartUrlSecret
                : signingSecret != null ? signingSecret : botToken);
    }

    /** Slack is off (empty) unless a signing secret, an app token or an OAuth client id is set. */
    public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
        Optional<SlackOAuthSettings> oauth = SlackOAuthSettings.fromEnvironment(env);
        if (blankToNull(env.get("SLACK_SIGNING_SECRET")) == null && blankToNull(env.get("SLACK_APP_TOKEN")) == null
                && oauth.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SlackSettings(env.get("SLACK_SIGNING_SECRET"), env.get("SLACK_BOT_TOKEN"),
                env.get("SLACK_APP_TOKEN"), env.get("SLACK_API_URL"), env.get("PUBLIC_URL"), env.get("CHART_URL_SECRET"),
                oauth.orElse(null)));
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
        return "SlackSettings[http=" + httpEnabled() + ", socketMode=" + socketModeEnabled()
                + (oauth == null ? "" : ", oauth=" + oauth) + ", apiUrl=" + apiUrl + ", publicUrl=" + publicUrl + "]";
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
