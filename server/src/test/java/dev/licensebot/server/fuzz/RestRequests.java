package dev.licensebot.server.fuzz;

import java.util.List;

/**
 * Requests to the REST API (DESIGN.md §6): every route with its own method most of the time and
 * any other sometimes, ids real and odd, bodies near what a platform sends and far from it.
 */
final class RestRequests {

    private record Route(String method, String path, String body) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("POST", "/api/v1/sessions", "session"),
            new Route("GET", "/api/v1/sessions", null),
            new Route("POST", "/api/v1/sessions/{id}/activity", "activity"),
            new Route("DELETE", "/api/v1/sessions/{id}", null),
            new Route("POST", "/api/v1/users", "user"),
            new Route("POST", "/api/v1/users/{user}/deactivate", null),
            new Route("GET", "/api/v1/usage", null),
            new Route("GET", "/api/v1/usage/chart.png", null),
            new Route("GET", "/api/v1/history/users", null),
            new Route("GET", "/api/v1/history/sessions", null),
            new Route("GET", "/api/v1/history/purchases", null));

    private static final List<String> UNKNOWN = List.of("/api/v1", "/api/v1/", "/api/v1/nothing", "/api/v2/sessions",
            "/api/v1/sessions/a/b/c", "/api/v1//sessions", "/api/v1/sessions/", "/api/v1/users/", "/API/V1/SESSIONS",
            "/api/v1/usage/", "/api/v1/history", "/api/v1/%2e%2e/metrics", "/api/v1/./usage", "/api/", "/api");

    private static final List<String> QUERY_NAMES = List.of("status", "sort", "order", "page", "size", "since", "pool");

    private static final List<String> INSTANTS = List.of("\"2026-03-10T07:00:00Z\"", "\"2026-03-10T08:00:00Z\"",
            "\"2026-03-09T08:00:00.123+01:00\"", "\"1970-01-01T00:00:00Z\"", "\"9999-12-31T00:00:00Z\"",
            "\"2026-03-10\"", "\"yesterday\"", "1773129600", "\"2026-03-10T08:00:00\"");

    private final Hostile h;
    private final FuzzServer server;

    RestRequests(Hostile h, FuzzServer server) {
        this.h = h;
        this.server = server;
    }

    RawHttp.Request next() {
        Route route = h.oneOf(ROUTES);
        String method = h.chance(0.8) ? route.method() : OddHeaders.method(h);
        String path = h.chance(0.05) ? h.oneOf(UNKNOWN) : route.path()
                .replace("{id}", h.pathSegment(sessionId()))
                .replace("{user}", h.pathSegment(userId()));
        RawHttp.Builder request = new RawHttp.Builder(method, path + h.query(QUERY_NAMES));
        double auth = h.random.nextDouble();
        if (auth < 0.85) {
            request.header("Authorization", "Bearer " + server.main.apiKey());
        } else if (auth < 0.9) {
            request.header("Authorization", "Bearer " + server.other.apiKey());
        } else if (auth < 0.97) {
            request.header("Authorization", OddHeaders.badAuthorization(h));
        }
        if (route.body() != null || h.chance(0.1)) {
            if (h.chance(0.85)) {
                request.header("Content-Type", h.chance(0.9) ? "application/json"
                        : h.oneOf("text/plain", "", ";", "application/json; charset=ebcdic", "application/xml",
                        "multipart/form-data; boundary=", "application/x-www-form-urlencoded"));
            }
            request.body(body(route.body()));
        }
        OddHeaders.add(h, request);
        return request.build();
    }

    /** Ids the bodies use too, so heartbeats and logouts often meet real sessions. */
    private String sessionId() {
        return "fz-" + h.random.nextInt(12);
    }

    private String userId() {
        return "fu-" + h.random.nextInt(8);
    }

    private String body(String kind) {
        String json = switch (kind == null ? "" : kind) {
            case "session" -> object(sessionFields());
            case "activity" -> object(new String[][]{
                    {"openInteractions", interactions()}, {"conversations", count()}});
            case "user" -> object(new String[][]{{"userId", Hostile.quote(userId())}, {"username", name()},
                    {"email", email()}, {"firstName", name()}, {"lastName", name()}, {"role", name()},
                    {"conversations", count()}});
            default -> h.jsonValue(2);
        };
        return h.chance(0.15) ? h.garble(json) : json;
    }

    private String[][] sessionFields() {
        return new String[][]{{"sessionId", Hostile.quote(sessionId())},
                {"startedBy", Hostile.quote(h.oneOf("AGENT", "PLATFORM", "agent", "ROBOT", ""))},
                {"username", name()}, {"email", email()}, {"role", name()}, {"agentName", name()},
                {"channel", Hostile.quote(h.oneOf("Web widget", "MS Teams", "WhatsApp"))},
                {"openInteractions", interactions()}, {"conversations", count()},
                {"startedAt", h.oneOf(INSTANTS)}, {"endedAt", h.oneOf(INSTANTS)}};
    }

    /** Some of the fields, each a plausible value mostly and any JSON value sometimes; an unknown field sometimes. */
    private String object(String[][] fields) {
        StringBuilder json = new StringBuilder("{");
        for (String[] field : fields) {
            if (h.chance(0.5) && !(field[0].endsWith("At") && h.chance(0.8))) {
                json.append(json.length() > 1 ? "," : "").append(Hostile.quote(field[0])).append(':')
                        .append(h.chance(0.8) ? field[1] : h.jsonValue(2));
            }
        }
        if (h.chance(0.05)) {
            json.append(json.length() > 1 ? "," : "")
                    .append(Hostile.quote(h.oneOf("usrname", "extra", "", "sessionID")))
                    .append(':').append(h.jsonValue(1));
        }
        return json.append('}').toString();
    }

    private String interactions() {
        if (h.chance(0.2)) {
            return h.jsonValue(2);
        }
        StringBuilder array = new StringBuilder("[");
        for (int i = h.between(0, 3); i > 0; i--) {
            array.append("{\"name\":").append(h.chance(0.7) ? Hostile.quote(h.oneOf("Chat", "Voice", "Mail"))
                    : h.jsonString()).append(",\"instances\":").append(h.chance(0.7) ? h.between(0, 5) : h.number())
                    .append('}').append(i > 1 ? "," : "");
        }
        return array.append(']').toString();
    }

    private String count() {
        return h.chance(0.7) ? String.valueOf(h.between(0, 20)) : h.number();
    }

    private String name() {
        return h.chance(0.6) ? Hostile.quote("ann-" + h.random.nextInt(20)) : h.jsonString();
    }

    private String email() {
        return h.chance(0.6) ? Hostile.quote("ann" + h.random.nextInt(20) + "@agents.example") : h.jsonString();
    }
}
