package dev.licensebot.teams.transport;

import dev.licensebot.teams.TeamsSettings;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import dev.licensebot.teams.testing.TeamsActivities;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Building the connector's HTTP client sets up TLS, a tenth of the server's start
 * (bench/NOTES.md, B5 start-up): the gateway asks for it only when a turn first calls out.
 */
class LazyConnectorHttpTest {

    /** Counts how often the gateway asks for the client. */
    private static final class Counting implements Supplier<OkHttpClient> {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public OkHttpClient get() {
            asked.incrementAndGet();
            return ConnectorHttp.client();
        }
    }

    @Test
    void aNewGatewayBuildsNoHttpClient() {
        Counting http = new Counting();

        new BotFrameworkGateway(TeamsSettings.open(), turn -> turn.sendText("ok"), http);

        assertEquals(0, http.asked.get());
    }

    @Test
    void theFirstReplyAsksForTheClientAndItsConnectorKeepsIt() {
        Counting http = new Counting();
        try (FakeTeamsConnector connector = FakeTeamsConnector.start()) {
            TeamsActivities.User user = TeamsActivities.User.random("ada@example.com");
            BotFrameworkGateway gateway = new BotFrameworkGateway(TeamsSettings.open(),
                    turn -> turn.sendText("ok"), http);
            String message = new TeamsActivities(connector.serviceUrl(), "entra-1").message(user, "active").toString();

            int first = gateway.handle(message, null).status();
            int second = gateway.handle(message, null).status();

            assertTrue(first == 200 || first == 202, "the first turn ran: " + first);
            assertTrue(second == 200 || second == 202, "the second turn ran: " + second);
            assertEquals(2, connector.sent().size(), "both replies reached the connector");
            assertEquals(1, http.asked.get(), "one connector client for the one service URL");
        }
    }
}
