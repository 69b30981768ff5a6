package dev.licensebot.server.fuzz;

import dev.licensebot.slack.testing.SignedSlackClient;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests to /slack/events: slash commands, interactions and events, signed with the test
 * signing secret (so they reach the bot), unsigned, forged, stale or from the future, with bodies
 * from well-formed to garbage. Every response_url is the fake Slack's, so nothing leaves the machine.
 */
final class SlackRequests {

    private static final List<String> COMMANDS = List.of("", "usage", "usage users", "active", "active sort:user",
            "history", "history users", "history purchases", "terminate fz-1", "terminate fz-1 fz-2", "terminate",
            "replenish", "replenish 5 sessions", "replenish 99999999999 users", "help", "nonsense", "usage %",
            "<!channel>");

    private static final List<String> ACTIONS = List.of("usage_refresh", "active_show", "active_previous",
            "active_next", "active_refresh", "active_sort", "active_select", "active_terminate", "terminate_confirm",
            "terminate_cancel", "history_show", "history_previous", "history_next", "replenish_open",
            "replenish_confirm", "replenish_cancel", "home_refresh", "history_users", "nothing");

    private final Hostile h;
    private final FuzzServer server;

    SlackRequests(Hostile h, FuzzServer server) {
        this.h = h;
        this.server = server;
    }

    RawHttp.Request next() {
        String[] body = body();
        RawHttp.Builder request = new RawHttp.Builder(h.chance(0.93) ? "POST" : OddHeaders.method(h),
                "/slack/events" + (h.chance(0.05) ? h.oneOf("?ssl_check=1", "?x=%zz", "/", "?") : ""));
        request.header("Content-Type", h.chance(0.9) ? body[0]
                : h.oneOf("text/plain", "", ";", "application/json", "application/x-www-form-urlencoded; charset=x"));
        long now = Instant.now().getEpochSecond();
        double kind = h.random.nextDouble();
        if (kind < 0.65) {
            sign(request, now, body[1]);
        } else if (kind < 0.72) {
            sign(request, h.oneOf(now - 301, now - 86_400, now + 301, now + 86_400, 0L, Long.MAX_VALUE), body[1]);
        } else if (kind < 0.8) {
            request.header("X-Slack-Request-Timestamp", String.valueOf(now))
                    .header("X-Slack-Signature", SignedSlackClient.sign("not-the-secret", now, body[1]));
        } else if (kind < 0.9) {
            request.header("X-Slack-Request-Timestamp",
                            h.oneOf("", "x", "-1", "9".repeat(30), "1e9", String.valueOf(now)))
                    .header("X-Slack-Signature", h.oneOf("", "v0=", "v0=00", "v1=abc", "x".repeat(64), ";"));
        }
        if (h.chance(0.05)) {
            request.header("X-Slack-Retry-Num", h.oneOf("1", "x", "-1", "99999999999"))
                    .header("X-Slack-Retry-Reason", h.oneOf("http_timeout", "", "x"));
        }
        OddHeaders.add(h, request);
        return request.body(body[1]).build();
    }

    private static void sign(RawHttp.Builder request, long timestamp, String body) {
        request.header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", SignedSlackClient.sign(FuzzServer.SIGNING_SECRET, timestamp, body));
    }

    /** {content type, body}. */
    private String[] body() {
        return switch (h.random.nextInt(7)) {
            case 0, 1 -> form(command());
            case 2, 3 -> form(Map.of("payload", maybeGarbled(blockActions())));
            case 4 -> form(Map.of("payload", maybeGarbled(viewSubmission())));
            case 5 -> new String[]{"application/json", maybeGarbled(event())};
            default -> h.oneOf(
                    new String[]{"application/x-www-form-urlencoded", "payload=not+json"},
                    new String[]{"application/x-www-form-urlencoded", "payload="},
                    new String[]{"application/x-www-form-urlencoded", "payload=%zz&payload=%7B"},
                    new String[]{"application/x-www-form-urlencoded", "a=b&&&=&%"},
                    new String[]{"application/x-www-form-urlencoded", ""},
                    new String[]{"application/x-www-form-urlencoded", "ssl_check=1&token=x"},
                    new String[]{"application/json", ""},
                    new String[]{"application/json", "[]"},
                    new String[]{"application/json", h.garble("{\"type\":\"url_verification\",\"challenge\":\"c\"}")},
                    new String[]{"application/x-www-form-urlencoded", h.randomChars(h.between(1, 300))});
        };
    }

    private String[] form(Map<String, String> fields) {
        return new String[]{"application/x-www-form-urlencoded", SignedSlackClient.formBody(fields)};
    }

    private String maybeGarbled(String json) {
        return h.chance(0.2) ? h.garble(json) : json;
    }

    private String team() {
        return h.chance(0.85) ? server.slackTeam : h.oneOf("T0THER", "", "T" + h.string());
    }

    private String user() {
        return h.chance(0.8) ? h.oneOf(server.slackUsers) : h.oneOf("UNKNOWN1", "", "U" + h.string());
    }

    private Map<String, String> command() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy");
        putMaybe(form, "team_id", team());
        form.put("team_domain", "fake");
        form.put("channel_id", "C0001");
        putMaybe(form, "user_id", user());
        form.put("user_name", "someone");
        putMaybe(form, "command", h.chance(0.9) ? "/licenses" : h.string());
        putMaybe(form, "text", h.chance(0.8) ? h.oneOf(COMMANDS) : h.string());
        form.put("api_app_id", "A0001");
        putMaybe(form, "response_url", server.slack.newResponseUrl());
        form.put("trigger_id", "1.2.3");
        return form;
    }

    private void putMaybe(Map<String, String> form, String name, String value) {
        if (h.chance(0.95)) {
            form.put(name, value);
        }
    }

    private String blockActions() {
        String actionId = h.oneOf(ACTIONS);
        String value = h.chance(0.6) ? Hostile.quote(h.oneOf("fz-1", "1", "next", "2", "users", "sessions", "",
                "{\"page\":2}", "00000000-0000-0000-0000-000000000000")) : h.jsonValue(1);
        return "{\"type\":\"block_actions\",\"api_app_id\":\"A0001\",\"token\":\"legacy\",\"trigger_id\":\"1.2.3\","
                + "\"team\":{\"id\":" + Hostile.quote(team()) + ",\"domain\":\"fake\"},"
                + "\"user\":{\"id\":" + Hostile.quote(user()) + ",\"team_id\":" + Hostile.quote(team()) + "},"
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1.000001\",\"channel_id\":\"C0001\"},"
                + "\"channel\":{\"id\":\"C0001\"},"
                + "\"response_url\":" + Hostile.quote(server.slack.newResponseUrl()) + ","
                + "\"state\":" + (h.chance(0.7) ? "{\"values\":{}}" : h.jsonValue(2)) + ","
                + "\"actions\":[{\"action_id\":" + Hostile.quote(actionId) + ",\"block_id\":\"b\",\"type\":"
                + Hostile.quote(h.oneOf("button", "static_select", "checkboxes", "x")) + ",\"value\":" + value
                + ",\"selected_option\":" + (h.chance(0.5) ? "{\"value\":" + value + "}" : h.jsonValue(1))
                + ",\"action_ts\":\"1773130000.000100\"}]}";
    }

    private String viewSubmission() {
        String values = "{\"amount\":{\"amount\":{\"type\":\"plain_text_input\",\"value\":"
                + (h.chance(0.5) ? Hostile.quote(h.oneOf("5", "0", "-3", "99999999999", "1e3", "")) : h.jsonValue(1))
                + "}},\"pool\":{\"pool\":{\"type\":\"static_select\",\"selected_option\":{\"value\":"
                + Hostile.quote(h.oneOf("session", "user", "x")) + "}}},\"reason\":{\"reason\":{\"type\":"
                + "\"plain_text_input\",\"value\":" + h.jsonString() + "}}}";
        return "{\"type\":\"view_submission\",\"api_app_id\":\"A0001\",\"token\":\"legacy\",\"trigger_id\":\"1.2.4\","
                + "\"team\":{\"id\":" + Hostile.quote(team()) + "},\"user\":{\"id\":" + Hostile.quote(user())
                + ",\"team_id\":" + Hostile.quote(team()) + "},\"view\":{\"id\":\"V1\",\"type\":\"modal\","
                + "\"callback_id\":" + Hostile.quote(h.oneOf("replenish_form", "other")) + ",\"private_metadata\":"
                + (h.chance(0.5) ? h.jsonString() : "\"{}\"") + ",\"state\":{\"values\":"
                + (h.chance(0.8) ? values : h.jsonValue(2)) + "}},\"response_urls\":[]}";
    }

    private String event() {
        if (h.chance(0.3)) {
            return "{\"type\":\"url_verification\",\"token\":\"legacy\",\"challenge\":" + h.jsonString() + "}";
        }
        return "{\"token\":\"legacy\",\"team_id\":" + Hostile.quote(team()) + ",\"api_app_id\":\"A0001\","
                + "\"type\":" + Hostile.quote(h.oneOf("event_callback", "app_rate_limited", "x")) + ",\"event_id\":"
                + Hostile.quote("Ev" + h.random.nextInt(1_000_000)) + ",\"event_time\":1773130000,\"event\":{\"type\":"
                + Hostile.quote(h.oneOf("app_home_opened", "message", "app_mention", "x")) + ",\"user\":"
                + Hostile.quote(user()) + ",\"channel\":\"D0001\","
                + "\"tab\":" + Hostile.quote(h.oneOf("home", "messages", ""))
                + ",\"event_ts\":\"1773130000.000100\"}}";
    }
}
