package dev.licensebot.slack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A stand-in for Slack on 127.0.0.1: the Web API methods the bot calls (auth.test, users.info,
 * views.publish, views.open, chat.postMessage, chat.update, conversations.info,
 * apps.connections.open, and files.uploadV2's
 * files.getUploadURLExternal, upload URL and files.completeUploadExternal) and response_url
 * endpoints. Records every call; tests wait for the asynchronous ones with a bounded wait, never a sleep.
 * Told to, it refuses messages and Home tabs as Slack does: a response_url with an HTTP error status
 * and the error code as its body, a Web API method with ok:false, the code and detail lines.
 */
public final class FakeSlack implements AutoCloseable {

    public static final String BOT_TOKEN = "xoxb-test-token";
    public static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One recorded call: the path, the form fields (Web API), the body as text (JSON for
     * response_url) and as it came (the bytes posted to an upload URL), and the token it carried
     * (Authorization: Bearer, or the form's token; null when none).
     */
    public record Call(String path, Map<String, String> form, String body, byte[] bytes, String token) {

        /** The JSON of a response_url post, or of a form field that holds JSON (view, blocks). */
        public JsonNode json() {
            return parse(body);
        }

        public JsonNode formJson(String field) {
            return parse(form.get(field));
        }

        static JsonNode parse(String text) {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final FakeSlackOAuth oauth = new FakeSlackOAuth();
    private final FakeSlackChannels channels = new FakeSlackChannels();
    private final FakeSlackRefusals refusals = new FakeSlackRefusals();
    private volatile boolean rejectToken;
    private final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();
    private volatile long retryAfterSeconds;
    private volatile String socketModeUrl;
    private volatile String uploadRefusal;

    private FakeSlack(HttpServer server) {
        this.server = server;
    }

    public static FakeSlack start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeSlack fake = new FakeSlack(server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String apiUrl() {
        return base() + "/api/";
    }

    /** A fresh response_url; what the bot posts there is recorded under its path. */
    public String newResponseUrl() {
        return base() + "/response/" + UUID.randomUUID();
    }

    /** users.info answers this user as an active full member of {@code teamId} with this confirmed email. */
    public void user(String teamId, String userId, String email) {
        user(teamId, userId, email, user -> { });
    }

    /**
     * The same, as {@code change} alters what users.info answers (the flags Slack sets for deleted
     * users, bots, guests, people of other workspaces, unconfirmed emails).
     */
    public void user(String teamId, String userId, String email, Consumer<ObjectNode> change) {
        ObjectNode user = JSON.createObjectNode().put("id", userId).put("team_id", teamId).put("name", "someone")
                .put("deleted", false).put("is_bot", false).put("is_app_user", false).put("is_restricted", false)
                .put("is_ultra_restricted", false).put("is_email_confirmed", true);
        user.putObject("profile").put("email", email);
        change.accept(user);
        users.put(userId, user);
    }

    /** The next {@code times} calls of Web API {@code method} are answered 429 with this Retry-After. */
    public void rateLimit(String method, int times, long retryAfter) {
        retryAfterSeconds = retryAfter;
        rateLimited.put("/api/" + method, times);
    }

    /** conversations.info says the bot is not a member of this channel (it is of every other). */
    public void withoutBot(String channelId) {
        channels.withoutBot(channelId);
    }

    /**
     * chat.postMessage, chat.update and conversations.info in this channel answer ok:false with this
     * error from now on (channel_not_found, is_archived, …); null answers them as usual again.
     */
    public void channelError(String channelId, String error) {
        channels.error(channelId, error);
    }

    /** chat.update in this channel answers message_not_found from now on (someone deleted the alert). */
    public void deleteMessagesIn(String channelId) {
        channels.deleteMessagesIn(channelId);
    }

    /** The messages posted (chat.postMessage) to this channel, in order. */
    public synchronized List<Call> postedIn(String channelId) {
        return calls("/api/chat.postMessage").stream().filter(c -> channelId.equals(c.form().get("channel"))).toList();
    }

    /** The ts of each message posted to this channel, in order: what chat.update must name. */
    public List<String> tsPostedIn(String channelId) {
        return channels.tsPostedIn(channelId);
    }

    /** The updates (chat.update) of messages in this channel, in order. */
    public synchronized List<Call> updatedIn(String channelId) {
        return calls("/api/chat.update").stream().filter(c -> channelId.equals(c.form().get("channel"))).toList();
    }

    /** auth.test answers invalid_auth from now on. */
    public void rejectToken() {
        rejectToken = true;
    }

    /** apps.connections.open hands out this WebSocket URL (otherwise it rejects the app token). */
    public void socketModeUrl(String url) {
        socketModeUrl = url;
    }

    /** files.getUploadURLExternal answers this error (e.g. missing_scope) from now on. */
    public void refuseUploads(String error) {
        uploadRefusal = error;
    }

    /**
     * The next {@code count} messages or Home tabs showing an uploaded file ({@code slack_file}) are
     * refused as Slack refuses a file it has not finished processing, or one that was deleted:
     * invalid_blocks (views.publish: invalid_arguments), with the image's place in the details.
     */
    public void refuseSlackFileImages(int count) {
        refusals.slackFileImages(count);
    }

    /** Every message and Home tab is refused with this error from now on, whatever it shows. */
    public void refuseMessages(String error) {
        refusals.messages(error);
    }

    /** Where files.getUploadURLExternal sends the bytes: {@link #UPLOAD_PATH} and the file id. */
    public static final String UPLOAD_PATH = "/upload/";

    /** Forgets the calls recorded so far (a benchmark's long runs would otherwise grow them without end). */
    public synchronized void clear() {
        calls.clear();
    }

    /** The bytes posted to upload URLs, one call per file, in order. */
    public synchronized List<Call> uploads() {
        return calls.stream().filter(c -> c.path().startsWith(UPLOAD_PATH)).toList();
    }

    public synchronized List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    /** Waits until {@code path} has been called at least {@code count} times; returns those calls. */
    public synchronized List<Call> await(String path, int count) {
        Instant deadline = Instant.now().plus(WAIT);
        List<Call> matching = calls(path);
        while (matching.size() < count) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("Expected " + count + " call(s) to " + path + " within " + WAIT + ", got "
                        + matching.size() + ". All calls: " + calls.stream().map(Call::path).toList());
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            matching = calls(path);
        }
        return matching;
    }

    /** The {@code nth} (1-based) message posted to a response_url, as JSON. */
    public JsonNode awaitResponse(String responseUrl, int nth) {
        return await(pathOf(responseUrl), nth).get(nth - 1).json();
    }

    public static String pathOf(String url) {
        return url.substring(url.indexOf("/", "http://".length()));
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] received;
        try (InputStream in = exchange.getRequestBody()) {
            received = in.readAllBytes();
        }
        String body = new String(received, StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        Map<String, String> form = isForm(exchange) ? form(body) : Map.of();
        Integer limited = rateLimited.computeIfPresent(path, (p, n) -> n - 1);
        if (limited != null && limited >= 0) {
            record(new Call(path, form, body, received, tokenOf(exchange, form)));
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
            return;
        }
        FakeSlackRefusals.Answer answer = refusals.refusal(path, form, body);
        if (answer == null) {
            answer = new FakeSlackRefusals.Answer(200, answer(path, form, tokenOf(exchange, form)));
        }
        record(new Call(path, form, body, received, tokenOf(exchange, form)));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", path.startsWith("/api/") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized void record(Call call) {
        calls.add(call);
        notifyAll();
    }

    /** Slack's OAuth side: workspaces that can install, one bot token (and rotation) each. */
    public FakeSlackOAuth oauth() {
        return oauth;
    }

    private static String tokenOf(HttpExchange exchange, Map<String, String> form) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            return header.substring("Bearer ".length());
        }
        return form.get("token");
    }

    private String answer(String path, Map<String, String> form, String token) {
        ObjectNode json = JSON.createObjectNode();
        switch (path) {
            case "/api/oauth.v2.access" -> {
                return oauth.access(form).toString();
            }
            case "/api/auth.test" -> {
                if (oauth.knows(token)) {
                    return oauth.authTest(token).toString();
                }
                if (rejectToken) {
                    return json.put("ok", false).put("error", "invalid_auth").toString();
                }
                return json.put("ok", true).put("url", "https://fake.slack/").put("team", "Fake")
                        .put("user", "licensebot").put("team_id", "TFAKE").put("user_id", "UBOT")
                        .put("bot_id", "BBOT").toString();
            }
            case "/api/users.info" -> {
                ObjectNode user = users.get(form.get("user"));
                if (user == null) {
                    return json.put("ok", false).put("error", "user_not_found").toString();
                }
                json.put("ok", true).set("user", user);
                return json.toString();
            }
            case "/api/views.publish" -> {
                return json.put("ok", true).put("ts", "1.000001").toString();
            }
            case "/api/chat.postMessage", "/api/chat.update", "/api/conversations.info" -> {
                return channels.answer(path, form).toString();
            }
            case "/api/apps.connections.open" -> {
                String url = socketModeUrl;
                return url == null ? json.put("ok", false).put("error", "invalid_auth").toString()
                        : json.put("ok", true).put("url", url).toString();
            }
            case "/api/views.open" -> {
                json.put("ok", true).putObject("view").put("id", "V" + UUID.randomUUID().toString().substring(0, 8));
                return json.toString();
            }
            case "/api/files.getUploadURLExternal" -> {
                String refusal = uploadRefusal;
                if (refusal != null) {
                    return json.put("ok", false).put("error", refusal).put("needed", "files:write").toString();
                }
                String fileId = "F" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
                return json.put("ok", true).put("upload_url", base() + UPLOAD_PATH + fileId).put("file_id", fileId)
                        .toString();
            }
            case "/api/files.completeUploadExternal" -> {
                // Slack answers with the files it completed; the bot needs their ids.
                json.put("ok", true).putArray("files").addAll((ArrayNode)
                        Call.parse(form.get("files")));
                return json.toString();
            }
            default -> {
                if (path.startsWith(UPLOAD_PATH)) {
                    return "OK";
                }
                return path.startsWith("/response/") ? "ok" : json.put("ok", false).put("error", "unknown_method")
                        .toString();
            }
        }
    }

    private static boolean isForm(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
