package dev.licensebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The Socket Mode connection (Tyrus client) that feeds Slack's envelopes to the same Bolt app as
 * the HTTP endpoint. Closing it closes the client itself: {@link SocketModeApp#close()} alone
 * only disconnects after a successful ping and leaves the client's reconnect monitor and message
 * processors running.
 */
final class SocketModeConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SocketModeConnection.class);

    private final SocketModeClient client;

    private SocketModeConnection(SocketModeClient client) {
        this.client = client;
    }

    /** Asks Slack for a WebSocket URL with the app token (apps.connections.open) and connects. */
    static SocketModeConnection open(String appToken, App app) throws Exception {
        SocketModeApp socketMode = new SocketModeApp(appToken, app);
        socketMode.startAsync();
        SocketModeClient client = socketMode.getClient();
        if (client == null) {
            // The SDK logs why and returns no client when it could not even build one.
            throw new IOException("no Socket Mode client could be created");
        }
        SocketModeConnection connection = new SocketModeConnection(client);
        // The client logs a failed WebSocket handshake instead of throwing it, and retries on its own.
        if (client.verifyConnection()) {
            LOG.info("Slack Socket Mode connected");
        } else {
            LOG.warn("Slack Socket Mode is not connected yet; the client keeps retrying in the background");
        }
        return connection;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.warn("Closing the Socket Mode connection failed", e);
        }
    }
}
