package dev.licensebot.server.cli;

import dev.licensebot.core.db.DbSettings;
import dev.licensebot.core.testing.TestClock;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliStartCheckTest {

    private static final Pattern THROWAWAY = Pattern.compile("throwaway embedded H2 database (\\S+), now deleted");

    @TempDir
    Path elsewhere;

    @Test
    void startCheckStartsTheServerAsksItsReadyzAndExitsZero() {
        CliHarness.Result result = startCheck(new HashMap<>());

        assertEquals(Cli.OK, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("licensebot start-check: OK, ready in "), result::toString);
        assertTrue(result.out().contains("(/readyz answered 200)"), result::toString);
    }

    @Test
    void startCheckPrintsItsOneLineWithoutTheServersLogLines() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        logged.start();
        root.addAppender(logged);
        CliHarness.Result result;
        try {
            result = startCheck(new HashMap<>());
        } finally {
            root.detachAppender(logged);
        }

        assertEquals(Cli.OK, result.exitCode(), result::toString);
        assertEquals(1, result.out().lines().count(), result::toString);
        assertEquals("", result.err(), result::toString);
        List<String> quieter = logged.list.stream().filter(e -> !e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(), quieter);
        assertEquals(before, root.getLevel(), "the level is restored afterwards");
    }

    @Test
    void startCheckDeletesItsThrowawayDatabaseAfterwards() {
        CliHarness.Result result = startCheck(new HashMap<>());

        Matcher database = THROWAWAY.matcher(result.out());
        assertTrue(database.find(), result::toString);
        Path file = Path.of(database.group(1));
        assertTrue(file.getFileName().toString().equals("licensebot"), result::toString);
        assertFalse(Files.exists(file.getParent()), "still there: " + file.getParent());
    }

    /** The configured database and port are never used: the check must not touch production. */
    @Test
    void startCheckIgnoresTheDatabaseAndPortOfTheEnvironment() throws Exception {
        Map<String, String> env = CliHarness.env(DbSettings.embeddedIn(elsewhere));
        env.put("PORT", "not a port");

        CliHarness.Result result = startCheck(env);

        assertEquals(Cli.OK, result.exitCode(), result::toString);
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count(), "the environment's database was created");
        }
    }

    private CliHarness.Result startCheck(Map<String, String> env) {
        return CliHarness.run(env, TestClock.at("2026-11-23T04:00:00Z"), new CliHarness.StoppableLifetime(),
                DbSettings.embeddedIn(elsewhere), "start-check");
    }
}
