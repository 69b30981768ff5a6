package dev.licensebot.server;

import dev.licensebot.core.db.DbSettings;
import dev.licensebot.server.ops.MetricsAccess;
import dev.licensebot.slack.SlackSettings;
import dev.licensebot.teams.TeamsSettings;

import java.util.Map;

/**
 * How the server listens, where its database is, how it reaches Slack ({@code slack} null: Slack
 * is off), how the Teams bot authenticates ({@code teams}: never null, open without an app id) and
 * who may scrape /metrics ({@code metrics}: never null, open without METRICS_TOKEN); read once at
 * start-up.
 */
public record ServerSettings(String host, int port, DbSettings db, String conversationHistoryUrl,
                             SlackSettings slack, boolean demo, TeamsSettings teams, MetricsAccess metrics) {

    public static final int DEFAULT_PORT = 3978;

    public ServerSettings {
        teams = teams == null ? TeamsSettings.open() : teams;
        metrics = metrics == null ? MetricsAccess.open() : metrics;
    }

    public ServerSettings(String host, int port, DbSettings db, String conversationHistoryUrl) {
        this(host, port, db, conversationHistoryUrl, null, false, null, null);
    }

    public static ServerSettings fromEnvironment(Map<String, String> env) {
        return new ServerSettings("0.0.0.0", port(env.get("PORT")), DbSettings.fromEnvironment(env),
                blankToNull(env.get("CONVERSATION_HISTORY_URL")), SlackSettings.fromEnvironment(env).orElse(null), false,
                TeamsSettings.fromEnvironment(env), MetricsAccess.fromEnvironment(env));
    }

    public ServerSettings withMetrics(MetricsAccess newMetrics) {
        return new ServerSettings(host, port, db, conversationHistoryUrl, slack, demo, teams, newMetrics);
    }

    public ServerSettings withSlack(SlackSettings newSlack) {
        return new ServerSettings(host, port, db, conversationHistoryUrl, newSlack, demo, teams, metrics);
    }

    public ServerSettings withTeams(TeamsSettings newTeams) {
        return new ServerSettings(host, port, db, conversationHistoryUrl, slack, demo, newTeams, metrics);
    }

    /** `demo` only: chat workspaces linked to no tenant are served from the demo tenant (DESIGN.md §7). */
    public ServerSettings withDemo() {
        return new ServerSettings(host, port, db, conversationHistoryUrl, slack, true, teams, metrics);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, db, conversationHistoryUrl, slack, demo, teams, metrics);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, db, conversationHistoryUrl, slack, demo, teams, metrics);
    }

    public ServerSettings withDb(DbSettings newDb) {
        return new ServerSettings(host, port, newDb, conversationHistoryUrl, slack, demo, teams, metrics);
    }
    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("PORT must be between 0 and 65535, not " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number, not " + value, e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
