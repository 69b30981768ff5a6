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

            List<Thread> callers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith(ConnectorHttp.THREAD_NAME)).toList();
            assertEquals(1, connector.sent().size(), "the reply reached the connector");
            assertFalse(callers.isEmpty(), "the reply went out on the client's own threads");
            assertTrue(callers.stream().allMatch(Thread::isDaemon), "every one of them a daemon: " + callers);
        }
    }
}
