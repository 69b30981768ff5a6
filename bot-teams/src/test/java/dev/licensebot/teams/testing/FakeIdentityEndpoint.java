package dev.licensebot.teams.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;


/**
 * Azure App Service's managed identity endpoint on 127.0.0.1 (what IDENTITY_ENDPOINT names): it
 * hands a token to whoever shows the IDENTITY_HEADER secret, and records every request.
 */
public final class FakeIdentityEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One token request: its query parameters and the secret header it showed. */
    public record Request(Map<String, String> query, String identityHeader) {
    }

    private final HttpServer server;
    private final String secret = "identity-header-" + UUID.randomUUID();
    private final String token = "msi-token-" + UUID.randomUUID();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeIdentityEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/msi/token", this::handle);
        server.start();
    }

    public static FakeIdentityEndpoint start() {
        return new FakeIdentityEndpoint();
    }

    /** The variables App Service sets for a process that runs as a managed identity. */
    public Map<String, String> environment() {
        return Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort() + "/msi/token",
                "IDENTITY_HEADER", secret);
    }

    /** The access token it hands out. */
    public String token() {
        return token;
    }

    public String secret() {
        return secret;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String header = exchange.getRequestHeaders().getFirst("X-IDENTITY-HEADER");
            requests.add(new Request(query, header));
            ObjectNode body = JSON.createObjectNode();
            int status;
            if (secret.equals(header)) {
                status = 200;
                body.put("access_token", token);
                body.put("expires_on", String.valueOf(Instant.now().plus(Duration.ofHours(1)).getEpochSecond()));
                body.put("resource", query.get("resource"));
                body.put("token_type", "Bearer");
                body.put("client_id", query.get("client_id"));
            } else {
                status = 400;
                body.put("statusCode", 400).put("message", "Invalid or missing X-IDENTITY-HEADER");
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
