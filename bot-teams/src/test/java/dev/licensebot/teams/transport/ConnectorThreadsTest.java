package dev.licensebot.teams.transport;

import dev.licensebot.teams.TeamsSettings;
import dev.licensebot.teams.testing.FakeTeamsConnector;
import dev.licensebot.teams.testing.TeamsActivities;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connector's calls run on threads of its own client, which never keep a JVM from exiting. */
class ConnectorThreadsTest {

    @Test
    void theConnectorsCallsRunOnThreadsThatLetAStoppedServersJvmExit() {
        try (FakeTeamsConnector connector = FakeTeamsConnector.start()) {
            TeamsActivities.User user = TeamsActivities.User.random("ada@example.com");
            BotFrameworkGateway gateway = new BotFrameworkGateway(TeamsSettings.open(),
                    turn -> turn.sendText("ok"), ConnectorHttp::client);
            gateway.handle(new TeamsActivities(connector.serviceUrl(), "entra-1").message(user, "active").toString(), null);

            List<Thread> callers = connectorThreads();
            assertEquals(1, connector.sent().size(), "the reply reached the connector");
            assertFalse(callers.isEmpty(), "the reply went out on the client's own threads");
            assertTrue(callers.stream().allMatch(Thread::isDaemon), "every one of them a daemon: " + callers);
        }
    }

    /**
     * The client may hand the call back before its thread shows up under its name (threads are
     * named as they start), so look a few times before concluding there is none.
     */
    private static List<Thread> connectorThreads() {
        List<Thread> found = List.of();
        for (int attempt = 0; attempt < 50 && found.isEmpty(); attempt++) {
            found = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith(ConnectorHttp.THREAD_NAME)).toList();
            if (found.isEmpty()) {
                sleep();
            }
        }
        return found;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while looking for the connector's threads", e);
        }
    }
}
