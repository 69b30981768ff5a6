package dev.licensebot.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.teams.testing.TeamsActivities;

import java.util.List;

/**
 * Activities for /api/messages: messages, card submits and Action.Execute invokes from operators,
 * strangers and other organizations, with fields taken away or replaced by any JSON, and bodies
 * that are no activity at all. The serviceUrl is the fake connector's, absent, or no http URL, so
 * replies never leave the machine.
 */
final class TeamsRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXTS = List.of("usage", "active", "history", "history users", "terminate fz-1",
            "replenish", "replenish 5", "help", "", "hello", "<at>licensebot</at> usage", "USAGE", "active page 9999");
    private static final List<String> VERBS = List.of("usage", "active", "history", "help", "terminateSelected",
            "confirmTermination", "cancelTermination", "confirmReplenish", "cancelReplenish", "nothing", "");
    private static final List<String> FIELDS = List.of("from", "conversation", "recipient", "channelData", "serviceUrl",
            "type", "id", "text", "value", "name", "channelId", "timestamp", "membersAdded", "locale");

    private final Hostile h;
    private final FuzzServer server;

    TeamsRequests(Hostile h, FuzzServer server) {
        this.h = h;
        this.server = server;
    }

    RawHttp.Request next() {
        String body = h.chance(0.12) ? h.garble(activity().toString()) : activity().toString();
        RawHttp.Builder request = new RawHttp.Builder(h.chance(0.93) ? "POST" : OddHeaders.method(h),
                "/api/messages" + (h.chance(0.03) ? h.oneOf("?x=%zz", "/", "?") : ""));
        if (h.chance(0.9)) {
            request.header("Content-Type", h.chance(0.9) ? "application/json" : h.oneOf("text/plain", "", ";"));
        }
        if (h.chance(0.1)) {
            request.header("Authorization", OddHeaders.badAuthorization(h));
        }
        OddHeaders.add(h, request);
        return request.body(body).build();
    }

    private JsonNode activity() {
        TeamsActivities.User from = h.chance(0.8) ? h.oneOf(server.teamsUsers)
                : TeamsActivities.User.random("stranger@example.com");
        TeamsActivities activities = h.chance(0.9) ? server.activities : server.activities.forTenant(h.oneOf(
                "entra-other", "", "\u0000"));
        ObjectNode activity = switch (h.random.nextInt(5)) {
            case 0, 1 -> activities.message(from, h.chance(0.8) ? h.oneOf(TEXTS) : h.string());
            case 2 -> activities.submit(from, data());
            case 3 -> activities.execute(from, h.oneOf(VERBS), data(), h.chance(0.2));
            default -> activities.membersAdded(from, h.chance(0.5) ? TeamsActivities.BOT_ID : "29:someone");
        };
        if (h.chance(0.3)) {
            mutate(activity);
        }
        return activity;
    }

    private JsonNode data() {
        ObjectNode data = JSON.createObjectNode();
        if (h.chance(0.7)) {
            data.put("verb", h.oneOf(VERBS));
        }
        for (String key : List.of("confirmationId", "sort", "order", "page", "kind", "since", "amount", "pool",
                "reason", "select-fz-1", "select-fz-2")) {
            if (h.chance(0.25)) {
                data.set(key, parse(h.chance(0.5) ? Hostile.quote(h.oneOf("fz-1", "1", "2", "users", "session",
                        "asc", "true", "00000000-0000-0000-0000-000000000000", "2026-03-01")) : h.jsonValue(1)));
            }
        }
        return h.chance(0.9) ? data : parse(h.jsonValue(2));
    }

    /** One field taken away, or replaced by any JSON value; the serviceUrl only by harmless ones. */
    private void mutate(ObjectNode activity) {
        String field = h.oneOf(FIELDS);
        if (h.chance(0.4)) {
            activity.remove(field);
        } else if (field.equals("serviceUrl")) {
            // Not an unreachable http URL: that is the Bot Connector failing, not a bad request.
            activity.put(field, h.oneOf("", "not a url", "ftp://127.0.0.1:1/", "/v3", "http://"));
        } else {
            activity.set(field, parse(h.jsonValue(2)));
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            // The generator's JSON is well-formed except numbers Jackson will not read: use them as text.
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
