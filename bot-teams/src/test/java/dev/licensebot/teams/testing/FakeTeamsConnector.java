package dev.licensebot.teams.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bot Connector service as the bot sees it, on 127.0.0.1: it records every activity the bot
 * sends, answers member lookups from the members it was given, and publishes the Bot Framework's
 * OpenID metadata with signing keys the tests choose.
 */
public final class FakeTeamsConnector implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MEMBER = Pattern.compile("/v3/conversations/([^/]+)/members/([^/]+)");
    private static final Pattern ACTIVITIES = Pattern.compile("/v3/conversations/([^/]+)/activities(/[^/]+)?");

    /**
     * One activity the bot sent: how (POST a new one, PUT an update), what, the Authorization
     * header it came with (null: none), the status it was answered with, and the activity id the
     * answer carried (unique for the connector's life; null when refused).
     */
    public record Sent(String method, String path, JsonNode activity, String authorization, int status,
                       String answeredId) {

        /** The conversation it went to, as the bot named it (decoded). */
        public String conversationId() {
            Matcher matcher = ACTIVITIES.matcher(path);
            return matcher.matches() ? decode(matcher.group(1)) : null;
        }
    }

    /** How the next activity sent is answered instead of 200: a status and its Retry-After (null: none). */
    private record Scripted(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, ObjectNode> members = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Queue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger memberLookups = new AtomicInteger();
    private final AtomicInteger activityIds = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean lookupsFail;
    private volatile JsonNode signingKeys = JSON.createObjectNode().putArray("keys");

    private FakeTeamsConnector() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeTeamsConnector start() {
        return new FakeTeamsConnector();
    }

    public String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public String openIdMetadataUrl() {
        return serviceUrl() + "openid";
    }

    /** A member of Entra tenant {@code tenantId} the lookup knows; either address may be null. */
    public void addMember(String tenantId, String userId, String email, String userPrincipalName) {
        addMember(tenantId, userId, email, userPrincipalName, "user");
    }

    /** The same with Teams' userRole for them (user, guest, anonymous; null: not said). */
    public void addMember(String tenantId, String userId, String email, String userPrincipalName, String userRole) {
        ObjectNode member = JSON.createObjectNode();
        member.put("id", userId);
        member.put("name", email == null ? "Someone" : email);
        member.put("aadObjectId", "aad-" + userId);
        if (email != null) {
            member.put("email", email);
        }
        if (userPrincipalName != null) {
            member.put("userPrincipalName", userPrincipalName);
        }
        if (tenantId != null) {
            member.put("tenantId", tenantId);
        }
        if (userRole != null) {
            member.put("userRole", userRole);
        }
        members.put(userId, member);
    }

    /** From now on every member lookup answers 500, as a connector having a bad day would. */
    public void failMemberLookups() {
        lookupsFail = true;
    }

    /**
     * The next activity the bot sends (or updates) is answered with {@code status}, and with
     * {@code retryAfter} seconds in Retry-After (null: none), as Teams answers a bot it throttles
     * (429) or one that was removed (403, 404). Answers queue up; then 200 again.
     */
    public void answerNextActivity(int status, String retryAfter) {
        scripted.add(new Scripted(status, retryAfter));
    }

    public void publishSigningKeys(JsonNode jwks) {
        signingKeys = jwks;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public int memberLookups() {
        return memberLookups.get();
    }

    /** Every request, lookups and key downloads included. */
    public int requests() {
        return requests.get();
    }

    public void clear() {
        sent.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            Matcher member = MEMBER.matcher(path);
            if (method.equals("GET") && member.matches()) {
                memberLookups.incrementAndGet();
                ObjectNode found = members.get(decode(member.group(2)));
                if (lookupsFail) {
                    respond(exchange, 500, "{\"error\":{\"code\":\"ServiceError\",\"message\":\"Unavailable\"}}");
                } else if (found == null) {
                    respond(exchange, 404, "{\"error\":{\"code\":\"MemberNotFoundInConversation\","
                            + "\"message\":\"The member is not in this conversation.\"}}");
                } else {
                    respond(exchange, 200, found.toString());
                }
            } else if (ACTIVITIES.matcher(path).matches() && !method.equals("GET")) {
                JsonNode activity = JSON.readTree(exchange.getRequestBody());
                Scripted answer = scripted.poll();
                int status = answer == null ? 200 : answer.status();
                String id = status != 200 ? null : method.equals("PUT") ? activityIdOf(path)
                        : "sent-" + activityIds.incrementAndGet();
                sent.add(new Sent(method, path, activity, exchange.getRequestHeaders().getFirst("Authorization"),
                        status, id));
                if (answer != null && answer.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
                }
                respond(exchange, status, status == 200 ? JSON.createObjectNode().put("id", id).toString()
                        : "{\"error\":{\"code\":\"Scripted\",\"message\":\"HTTP " + status + "\"}}");
            } else if (path.equals("/openid")) {
                respond(exchange, 200, "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\""
                        + serviceUrl() + "keys\"}");
            } else if (path.equals("/keys")) {
                respond(exchange, 200, signingKeys.toString());
            } else {
                respond(exchange, 404, "{}");
            }
        }
    }

    /** The activity a PUT updates: the last segment of its path. */
    private static String activityIdOf(String path) {
        Matcher matcher = ACTIVITIES.matcher(path);
        return matcher.matches() && matcher.group(2) != null ? decode(matcher.group(2).substring(1)) : null;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
