package dev.licensebot.teams.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensebot.teams.TeamsSettings;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import dev.licensebot.teams.testing.TeamsActivities;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Bot Connector calls go out with Nagle's algorithm off (docs/benchmarks.md, B3: a card POST
 * stalled ~40 ms on the receiver's delayed ACK). Observed on the sockets the SDK really used, so
 * this fails both when the option is not set and when the SDK builds an HTTP client of its own.
 */
class ConnectorNagleTest {

    /** What each call to the connector went out on: its path, and TCP_NODELAY of its socket then. */
    private record Use(String method, String path, boolean noDelay) {
    }

    private static final class Recorder extends EventListener {
        final List<Use> uses = new CopyOnWriteArrayList<>();

        @Override
        public void connectionAcquired(Call call, Connection connection) {
            try {
                uses.add(new Use(call.request().method(), call.request().url().encodedPath(),
                        connection.socket().getTcpNoDelay()));
            } catch (SocketException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theCardAndTheMemberLookupGoOutOnSocketsWithNagleOff() {
        Recorder recorder = new Recorder();
        OkHttpClient observed = ConnectorHttp.client().newBuilder().eventListener(recorder).build();
        try (FakeTeamsConnector connector = FakeTeamsConnector.start()) {
            TeamsActivities.User user = TeamsActivities.User.random("ada@example.com");
            connector.addMember("entra", user.id(), user.email(), null);
            ObjectNode card = new ObjectMapper().createObjectNode().put("type", "AdaptiveCard").put("version", "1.5");
            BotFrameworkGateway gateway = new BotFrameworkGateway(TeamsSettings.open(), turn -> {
                turn.member(turn.activity().fromId());
                turn.sendCard(card);
            }, () -> observed);

            int status = gateway.handle(new TeamsActivities(connector.serviceUrl(), "entra-1").message(user, "active")
                    .toString(), null).status();

            assertTrue(status == 200 || status == 202, "the turn ran: " + status);
            assertEquals(1, connector.sent().size(), "the card reached the connector");
            assertEquals(1, connector.memberLookups(), "the member was looked up");
            assertTrue(recorder.uses.stream().anyMatch(u -> u.method().equals("GET") && u.path().contains("/members/")),
                    "the member lookup used our client: " + recorder.uses);
            assertTrue(recorder.uses.stream().anyMatch(u -> u.method().equals("POST") && u.path().contains("/activities")),
                    "the card used our client: " + recorder.uses);
            assertTrue(recorder.uses.stream().allMatch(Use::noDelay), "Nagle off on every socket: " + recorder.uses);
        }
    }

    @Test
    void everySocketTheFactoryMakesHasNagleOff() throws IOException {
        SocketFactory factory = new ConnectorHttp.NoDelaySocketFactory(SocketFactory.getDefault());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 8, loopback);
             Socket unconnected = factory.createSocket();
             Socket byName = factory.createSocket(loopback.getHostAddress(), server.getLocalPort());
             Socket byAddress = factory.createSocket(loopback, server.getLocalPort());
             Socket plain = SocketFactory.getDefault().createSocket()) {
            assertFalse(plain.getTcpNoDelay(), "the JDK's default, which the factory must change");
            assertTrue(unconnected.getTcpNoDelay(), "unconnected, as OkHttp asks for it");
            assertTrue(byName.getTcpNoDelay(), "connected by host name");
            assertTrue(byAddress.getTcpNoDelay(), "connected by address");
        }
    }
}
