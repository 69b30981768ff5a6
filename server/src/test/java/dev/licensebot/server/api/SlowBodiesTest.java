package dev.licensebot.server.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.licensebot.core.testing.TestDatabases;
import dev.licensebot.server.api.ApiFixture.Account;
import dev.licensebot.server.api.ApiFixture.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow bodies starve nobody (issue 21): hundreds of connections that declare a 100 kB body and
 * send a byte a second hold no thread while they trickle, so an API client is answered at once;
 * each is cut off at the body deadline with a 408 in the error shape, and each, whether cut off or
 * given up by its client, leaves one quiet log line and no stack trace.
 */
class SlowBodiesTest {

    private static final int SLOW_CONNECTIONS = 300;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(log);
    }

    @Test
    void slowBodiesLeaveOthersAnsweredAndAreCutOffQuietly() throws Exception {
        List<RawConnection> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (ApiFixture api = ApiFixture.start(TestDatabases.h2())) {
            Account account = api.tenant(5, 5);
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                RawConnection connection = new RawConnection(api.server.port());
                String path = i % 2 == 0 ? "/api/v1/sessions" : "/api/messages";
                connection.send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + account.key()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
                slow.add(connection);
            }
            trickle.scheduleAtFixedRate(() -> slow.forEach(c -> c.send(" ")), 1, 1, TimeUnit.SECONDS);
            Thread.sleep(1_500);

            long slowest = 0;
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                Reply usage = api.send(api.request(account, "/api/v1/usage").GET());
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                assertEquals(200, usage.status(), usage::toString);
            }
            assertTrue(slowest < 2_000, "the slowest usage answer took " + slowest + " ms");

            // A third of them give up mid-body, as the did: that is no error of ours.
            List<RawConnection> staying = new ArrayList<>();
            for (int i = 0; i < slow.size(); i++) {
                if (i % 3 == 0) {
                    slow.get(i).close();
                } else {
                    staying.add(slow.get(i));
                }
            }
            int cutOff = 0;
            for (RawConnection connection : staying) {
                String answer = connection.answer(15_000);
                if (RawConnection.status(answer) == 408) {
                    assertTrue(RawConnection.body(answer).contains("\"error\":\"request_timeout\""), answer);
                    cutOff++;
                }
            }
            assertEquals(staying.size(), cutOff, "every slow body still sending was answered 408 at the deadline");
        } finally {
            trickle.shutdownNow();
            slow.forEach(RawConnection::close);
        }
        List<ILoggingEvent> loud = log.list.stream()
                .filter(e -> e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
        assertEquals(List.of(), loud.stream().map(ILoggingEvent::getFormattedMessage).toList(), "no errors, no traces");
        long abandoned = log.list.stream().filter(e -> e.getFormattedMessage().contains("did not arrive")).count();
        assertEquals(SLOW_CONNECTIONS, abandoned, "one line per abandoned body");
    }

    @Test
    void aStopDoesNotWaitForBodiesStillTricklingIn() {
        List<RawConnection> slow = new ArrayList<>();
        ApiFixture api = ApiFixture.start(TestDatabases.h2());
        try {
            Account account = api.tenant(5, 5);
            for (int i = 0; i < 20; i++) {
                RawConnection connection = new RawConnection(api.server.port());
                connection.send("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + account.key() + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
                slow.add(connection);
            }
            api.get(account, "/api/v1/usage"); // the slow requests are all in

            long start = System.nanoTime();
            api.close();
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(tookMillis < 3_000, "stopping took " + tookMillis + " ms");
            for (RawConnection connection : slow) {
                String answer = connection.answer(2_000);
                assertEquals(503, RawConnection.status(answer), answer);
                assertTrue(RawConnection.body(answer).contains("\"error\":\"shutting_down\""), answer);
            }
        } finally {
            slow.forEach(RawConnection::close);
        }
        assertEquals(List.of(), log.list.stream().filter(e -> e.getThrowableProxy() != null
                || e.getLevel().isGreaterOrEqual(Level.ERROR)).map(ILoggingEvent::getFormattedMessage).toList());
    }
}
