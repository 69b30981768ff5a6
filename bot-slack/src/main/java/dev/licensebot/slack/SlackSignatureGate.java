package dev.licensebot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slack's v0 request signature and timestamp, checked on the raw body before anything reads it:
 * nothing unsigned reaches a parser. A timestamp more than {@link #MAX_SKEW} away from now, in
 * the past (a replay) or in the future (a replay prepared in advance), is refused too.
 */
final class SlackSignatureGate {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    private static final String SIGNATURE = "X-Slack-Signature";

    private final byte[] secret;
    private final Clock clock;

    /** {@code clock}: the real time Slack signs with, not the business clock. */
    SlackSignatureGate(String signingSecret, Clock clock) {
        this.secret = signingSecret == null ? new byte[0] : signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Empty when Slack signed this request just now; else the 401 to answer. */
    Optional<SlackHttpResponse> refusal(SlackHttpRequest request) {
        String timestamp = header(request.headers(), TIMESTAMP);
        String signature = header(request.headers(), SIGNATURE);
        if (secret.length == 0 || timestamp == null || signature == null) {
            return Optional.of(unauthorized("This request is not signed by Slack."));
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Optional.of(unauthorized("This request's Slack timestamp is not a number of seconds."));
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (seconds < 0 || skew > MAX_SKEW.toSeconds()) {
            return Optional.of(unauthorized("This request's Slack timestamp is more than five minutes away from now."));
        }
        if (!MessageDigest.isEqual(expected(timestamp.trim(), request.body()), signature.trim()
                .getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(unauthorized("This request is not signed by Slack."));
        }
        return Optional.empty();
    }

    private byte[] expected(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return ("v0=" + HexFormat.of().formatHex(digest)).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    private static SlackHttpResponse unauthorized(String message) {
        String body = JSON.createObjectNode().put("error", "invalid_slack_signature").put("message", message)
                .toString();
        return new SlackHttpResponse(401, "application/json", null, body);
    }
}
