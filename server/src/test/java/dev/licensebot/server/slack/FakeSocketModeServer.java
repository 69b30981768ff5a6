package dev.licensebot.server.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Slack's Socket Mode server on 127.0.0.1: accepts the bot's WebSocket, greets it with "hello",
 * sends it envelopes and records the acknowledgements it sends back, by envelope id.
 */
final class FakeSocketModeServer implements AutoCloseable {

    static final long WAIT_SECONDS = 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin server;
    private final CompletableFuture<WsContext> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> disconnected = new CompletableFuture<>();
    private final Map<String, CompletableFuture<JsonNode>> acks = new ConcurrentHashMap<>();

    private FakeSocketModeServer() {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.ws("/link", ws -> {
                ws.onConnect(connected::complete);
                ws.onMessage(ctx -> acknowledged(parse(ctx.message())));
                ws.onClose(ctx -> disconnected.complete(null));
            });
        });
    }

    static FakeSocketModeServer start() {
        FakeSocketModeServer fake = new FakeSocketModeServer();
        fake.server.start();
        return fake;
    }

    /** What apps.connections.open hands out, as Slack's does: a one-time ticket in the query. */
    String url() {
        return "ws://127.0.0.1:" + server.port() + "/link?ticket=" + UUID.randomUUID();
    }

    /** Waits for the bot to connect, then greets it as Slack does before any envelope. */
    void awaitConnectionAndSayHello() {
        ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("num_connections", 1);
        hello.putObject("connection_info").put("app_id", "A0001");
        hello.putObject("debug_info").put("host", "fake-socket-mode").put("approximate_connection_time", 3600);
        await(connected, "the bot to connect").send(hello.toString());
    }

    /** Sends an envelope ({@code type}, a fresh envelope id, the payload) and returns its id. */
    String send(String type, JsonNode payload, boolean acceptsResponsePayload) {
        String envelopeId = UUID.randomUUID().toString();
        acks.computeIfAbsent(envelopeId, id -> new CompletableFuture<>());
        ObjectNode envelope = JSON.createObjectNode().put("envelope_id", envelopeId).put("type", type)
                .put("accepts_response_payload", acceptsResponsePayload);
        envelope.set("payload", payload);
        await(connected, "the bot to connect").send(envelope.toString());
        return envelopeId;
    }

    /** The bot's acknowledgement of this envelope. */
    JsonNode awaitAck(String envelopeId) {
        return await(acks.computeIfAbsent(envelopeId, id -> new CompletableFuture<>()), "the ack of " + envelopeId);
    }

    /** Waits until the bot has closed its WebSocket. */
    void awaitDisconnect() {
        await(disconnected, "the bot to close its WebSocket");
    }

    private void acknowledged(JsonNode message) {
        String envelopeId = message.path("envelope_id").asText(null);
        if (envelopeId != null) {
            acks.computeIfAbsent(envelopeId, id -> new CompletableFuture<>()).complete(message);
        }
    }

    private static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + WAIT_SECONDS + " s for " + what, e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
