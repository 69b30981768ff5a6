package dev.licensebot.server.cli;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.db.DbSettings;
import dev.licensebot.core.demo.DemoData;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo is H2 by definition, so this runs on its own in-memory H2 rather than on both databases. */
class CliDemoTest {

    private static final Pattern API_KEY = Pattern.compile("API key: (lb_\\S+)");

    private final DbSettings demoDb = new DbSettings("jdbc:h2:mem:demo_" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE", "sa", "");
    // The environment's database must be ignored: demo data never goes into a real database.
    private final Map<String, String> env = Map.of("PORT", "0",
            "DATABASE_URL", "jdbc:mariadb://192.0.2.1:3306/production");
    private final TestClock clock = TestClock.at(TestCore.DEFAULT_START);

    @Test
    void theDemoServesOnLoopbackOnlyAndPrintsAWorkingApiKeyAtTheFirstStart() throws Exception {
        CliHarness.Running demo = new CliHarness.Running(env, clock, demoDb, "demo");
        int port = demo.awaitStarted().port();
        int health = CliServeTest.get(port, "/healthz").statusCode();
        CliHarness.Result result = demo.stop();

        assertEquals(200, health);
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Chat: Slack workspaces and Teams conversations linked to no tenant are "
                + "served from this demo tenant as demo@example.com (advanced admin)."), result.err());
        assertTrue(result.err().contains("licensebot DEMO is listening on http://127.0.0.1:" + port
                + " - 127.0.0.1 only"), result::toString);
        assertFalse(result.err().contains("192.0.2.1"), result::toString);
        assertFalse(API_KEY.matcher(result.err()).find(), "the key is not on stderr, where logs go: " + result);
        Matcher key = API_KEY.matcher(result.out());
        assertTrue(key.find(), result::toString);
        try (Database database = Database.open(demoDb, 2)) {
            LicenseCore core = new LicenseCore(database.jdbi(), clock);
            assertEquals(DemoData.TENANT_ID, core.tenants().findByApiKey(key.group(1)).orElseThrow().id());
        }
    }

    @Test
    void withJsonLogsTheDemoLogsItsBannerButPrintsTheApiKeyOnlyOnStdout() throws Exception {
        Map<String, String> jsonEnv = new HashMap<>(env);
        jsonEnv.put("LOG_FORMAT", "json");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        CliHarness.Result result;
        try {
            CliHarness.Running demo = new CliHarness.Running(jsonEnv, clock, demoDb, "demo");
            demo.awaitStarted();
            result = demo.stop();
        } finally {
            root.detachAppender(logged);
        }

        Matcher key = API_KEY.matcher(result.out());
        assertTrue(key.find(), result::toString);
        List<String> messages = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("licensebot DEMO is listening on")), messages::toString);
        assertTrue(messages.stream().noneMatch(m -> m.contains(key.group(1))), messages::toString);
        assertFalse(result.err().contains(key.group(1)), result::toString);
    }

    @Test
    void aSecondStartReusesTheDemoTenantAndSaysWhereTheKeyWas() throws Exception {
        CliHarness.Running first = new CliHarness.Running(env, clock, demoDb, "demo");
        first.awaitStarted();
        first.stop();

        CliHarness.Running second = new CliHarness.Running(env, clock, demoDb, "demo");
        second.awaitStarted();
        CliHarness.Result result = second.stop();

        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(API_KEY.matcher(result.err() + result.out()).find(), result::toString);
        assertTrue(result.err().contains("API key: printed when the demo tenant was created at the first start"),
                result::toString);
        assertTrue(result.err().contains("Reused it; added 0 past sessions, 0 live sessions and 0 users."), result::toString);
    }
}
