package dev.licensebot.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every answer must be (issue 21 part 7): an answer at all and in time, no 5xx, every error
 * in the JSON shape {"error", "message"}, and no Java class or package name in any body.
 */
final class Verdict {

    /** One request, where it went and what came back. */
    record Exchange(String surface, RawHttp.Request request, RawHttp.Reply reply) {
    }

    /** What was wrong with an answer; {@code kind} groups failures that have one cause. */
    record Failure(String kind, Exchange exchange) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTERNALS = Pattern.compile(
            "dev\\.licensebot|\\bjava\\.|\\bjavax\\.|\\bjakarta\\.|com\\.fasterxml|org\\.eclipse|io\\.javalin"
                    + "|com\\.slack\\.|com\\.microsoft\\.|org\\.h2\\.|org\\.mariadb|org\\.jdbi|Exception\\b"
                    + "|\\.java:\\d+|\\bat [a-z]+\\.[a-z]+\\."
                    // Jackson's own words for its settings and types, which name no package.
                    + "|StreamReadConstraints|DeserializationFeature|FAIL_ON_|JsonParser|JsonToken|MismatchedInput");

    private Verdict() {
    }

    static Optional<Failure> judge(Exchange exchange) {
        RawHttp.Reply reply = exchange.reply();
        String kind = null;
        if (reply.timedOut()) {
            kind = "no answer in time";
        } else if (reply.status() == 0) {
            kind = "connection closed without an answer";
        } else if (reply.status() >= 500) {
            kind = reply.status() + " answer";
        } else if (internals(reply.body()) != null) {
            kind = "Java internals (" + internals(reply.body()) + ") in a " + reply.status() + " body";
        } else if (reply.status() >= 400 && !exchange.request().method().equals("HEAD") && !errorShaped(reply)) {
            kind = reply.status() + " body not {\"error\",\"message\"}";
        }
        return Optional.ofNullable(kind).map(k -> new Failure(exchange.surface() + ": " + k, exchange));
    }

    static String internals(String body) {
        Matcher matcher = INTERNALS.matcher(body);
        return matcher.find() ? matcher.group() : null;
    }

    static boolean errorShaped(RawHttp.Reply reply) {
        try {
            JsonNode json = JSON.readTree(reply.body());
            return json != null && json.isObject() && json.path("error").isTextual()
                    && json.path("message").isTextual() && !json.path("message").asText().isBlank();
        } catch (Exception e) {
            return false;
        }
    }
}
