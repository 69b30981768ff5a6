package dev.licensebot.server.ops;

import dev.licensebot.server.ServerSettings;
import dev.licensebot.slack.SlackSettings;
import dev.licensebot.teams.TeamsSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * What a starting server says about itself, in a few lines: where it listens, what it serves
 * (REST API, Slack, Teams, which database, never a secret) and, apart, what is insecure about
 * it. The server logs what it serves and the warnings; the CLI's banner is the headline.
 */
public record StartupSummary(String headline, List<String> serving, List<String> warnings) {

    public static StartupSummary of(ServerSettings settings, int port) {
        String headline = "licensebot is listening on http://" + settings.host() + ":" + port
                + ("0.0.0.0".equals(settings.host()) ? " (all interfaces)" : "") + "; database: "
                + settings.db().describe();
        List<String> serving = List.of(
                "REST API at /api/v1 (tenant API keys); health at /healthz and /readyz; metrics at " + Metrics.PATH
                        + (settings.metrics().protectedByToken() ? " (bearer token)" : ""),
                "Slack: " + slack(settings.slack()),
                "Teams: " + teams(settings.teams()));
        return new StartupSummary(headline, serving, warnings(settings));
    }

    private static String slack(SlackSettings slack) {
        if (slack == null) {
            return "off (set SLACK_SIGNING_SECRET for HTTP or SLACK_APP_TOKEN for Socket Mode)";
        }
        List<String> ways = new ArrayList<>();
        if (slack.httpEnabled()) {
            ways.add("HTTP at /slack/events");
        }
        if (slack.socketModeEnabled()) {
            ways.add("Socket Mode");
        }
        return String.join(" and ", ways);
    }

    private static String teams(TeamsSettings teams) {
        return teams.authenticationEnabled()
                ? "/api/messages with Bot Framework authentication for app " + teams.appId() + " (" + teams.appType() + ")"
                : "/api/messages WITHOUT authentication (Bot Framework Emulator mode)";
    }

    private static List<String> warnings(ServerSettings settings) {
        List<String> warnings = new ArrayList<>();
        if (!settings.teams().authenticationEnabled()) {
            warnings.add("MICROSOFT_APP_ID is not set: anyone who reaches /api/messages can talk to the bot. "
                    + "Set MICROSOFT_APP_ID (with MICROSOFT_APP_PASSWORD, or MICROSOFT_APP_TYPE=UserAssignedMSI) before "
                    + "exposing this server.");
        }
        if (settings.demo()) {
            warnings.add("DEMO mode: Slack workspaces and Teams conversations linked to no tenant are served from "
                    + "the demo tenant as its advanced admin. Never expose a demo server.");
        }
        if (!settings.metrics().protectedByToken()) {
            warnings.add(Metrics.PATH + " answers without authentication: let only your Prometheus reach it, "
                    + "never the public internet, or set METRICS_TOKEN to require a bearer token.");
        }
        return List.copyOf(warnings);
    }

    /** Every line, headline first, warnings marked. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(headline);
        serving.forEach(line -> lines.add("  " + line));
        warnings.forEach(line -> lines.add("  WARNING: " + line));
        return lines;
    }
}
