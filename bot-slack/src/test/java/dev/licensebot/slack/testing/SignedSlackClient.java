package dev.licensebot.slack.testing;

import com.fasterxml.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Calls the bot's endpoint as Slack does: v0-signed slash commands, interactions and events. */
public final class SignedSlackClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String signingSecret;

    public SignedSlackClient(URI endpoint, String signingSecret) {
        this.endpoint = endpoint;
        this.signingSecret = signingSecret;
    }

    public HttpResponse<String> command(String teamId, String userId, String text, String responseUrl) {
        return post(formBody(commandForm(teamId, userId, text, responseUrl)), "application/x-www-form-urlencoded",
                Map.of());
    }

    /** The command typed in a given channel ({@code channelName} as Slack sends it, without "#"). */
    public HttpResponse<String> commandIn(String teamId, String channelId, String channelName, String userId,
                                          String text, String responseUrl) {
        Map<String, String> form = commandForm(teamId, userId, text, responseUrl);
        form.put("channel_id", channelId);
        form.put("channel_name", channelName);
        return post(formBody(form), "application/x-www-form-urlencoded", Map.of());
    }

    /** The command as a workspace of an Enterprise Grid organization sends it when the app is installed org-wide. */
    public HttpResponse<String> orgWideCommand(String enterpriseId, String teamId, String userId, String text,
                                               String responseUrl) {
        Map<String, String> form = commandForm(teamId, userId, text, responseUrl);
        form.put("enterprise_id", enterpriseId);
        form.put("enterprise_name", "Org");
        form.put("is_enterprise_install", "true");
        return post(formBody(form), "application/x-www-form-urlencoded", Map.of());
    }

    /** The same, typed in a given channel of that workspace. */
    public HttpResponse<String> orgWideCommandIn(String enterpriseId, String teamId, String channelId,
                                                 String channelName, String userId, String text, String responseUrl) {
        Map<String, String> form = commandForm(teamId, userId, text, responseUrl);
        form.put("channel_id", channelId);
        form.put("channel_name", channelName);
        form.put("enterprise_id", enterpriseId);
        form.put("enterprise_name", "Org");
        form.put("is_enterprise_install", "true");
        return post(formBody(form), "application/x-www-form-urlencoded", Map.of());
    }

    private static Map<String, String> commandForm(String teamId, String userId, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", teamId);
        form.put("team_domain", "fake");
        form.put("channel_id", "C0001");
        form.put("channel_name", "licenses");
        form.put("user_id", userId);
        form.put("user_name", "someone");
        form.put("command", "/licenses");
        form.put("text", text);
        form.put("api_app_id", "A0001");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "1.2.3");
        return form;
    }

    /** An interaction (block_actions) payload, form-encoded as Slack sends it. */
    public HttpResponse<String> interaction(JsonNode payload) {
        return interaction(payload, Map.of());
    }

    public HttpResponse<String> interaction(JsonNode payload, Map<String, String> headers) {
        return post(formBody(Map.of("payload", payload.toString())), "application/x-www-form-urlencoded", headers);
    }

    public HttpResponse<String> event(JsonNode envelope, Map<String, String> headers) {
        return post(envelope.toString(), "application/json", headers);
    }

    public HttpResponse<String> post(String body, String contentType, Map<String, String> headers) {
        long timestamp = Instant.now().getEpochSecond();
        return send(body, contentType, timestamp, sign(signingSecret, timestamp, body), headers);
    }

    /** With the signature and timestamp as given, for forged and stale requests. */
    public HttpResponse<String> send(String body, String contentType, long timestamp, String signature,
                                     Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Slack's v0 signature: HMAC-SHA256 of "v0:timestamp:body" with the signing secret. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
