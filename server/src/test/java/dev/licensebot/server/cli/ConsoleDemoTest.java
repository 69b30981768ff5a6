package dev.licensebot.server.cli;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.db.DbSettings;
import dev.licensebot.core.demo.DemoData;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo is H2 by definition, so this runs on its own in-memory H2s rather than on both databases. */
class ConsoleDemoTest {

    private final DbSettings demoDb = memory("demo");
    private final Map<String, String> env = CliHarness.env(memory("elsewhere"));
    private final TestClock clock = TestClock.at(TestCore.DEFAULT_START);

    @Test
    void withDemoTheConsoleTalksToTheDemosDatabaseWhateverDatabaseUrlSays() {
        try (Database database = Database.open(demoDb, 2)) {
            new DemoData(new LicenseCore(database.jdbi(), clock), clock).load();
            CliHarness.Result result = CliHarness.typing(env, clock, demoDb, "usage\n", "console", "--demo",
                    "--tenant", DemoData.TENANT_ID, "--as", DemoData.ADMIN_EMAIL);

            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(result.out().contains("tenant \"Demo Contact Centre\" (demo) as demo@example.com, "
                    + "an advanced admin"), result::toString);
            assertTrue(result.out().contains("License usage"), result::toString);
        }
    }

    @Test
    void theDemosSessionHistoryFitsAHundredColumnsAndWideShowsEveryColumn() {
        try (Database database = Database.open(demoDb, 2)) {
            new DemoData(new LicenseCore(database.jdbi(), clock), clock).load();
            CliHarness.Result result = CliHarness.typing(env, clock, demoDb, "history sessions\nhistory sessions wide\n",
                    "console", "--demo", "--tenant", DemoData.TENANT_ID, "--as", DemoData.ADMIN_EMAIL);

            List<String> answers = ConsoleFixture.answers(result);
            String narrow = answers.get(1);
            assertTrue(narrow.lines().count() > 10 && narrow.contains("Conversations"), narrow);
            assertEquals(List.of(), narrow.lines().filter(line -> line.length() > 100).toList(), narrow);
            assertFalse(narrow.contains("Terminated by"), narrow);
            assertTrue(answers.get(2).contains("Terminated by"), answers.get(2));
        }
    }

    @Test
    void withoutDemoItUsesDatabaseUrlWhereThereIsNoDemoTenant() {
        CliHarness.Result result = CliHarness.typing(env, clock, demoDb, "usage\n", "console",
                "--tenant", DemoData.TENANT_ID, "--as", DemoData.ADMIN_EMAIL);

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("licensebot: There is no tenant demo.", result.err().strip());
    }

    private static DbSettings memory(String name) {
        return new DbSettings("jdbc:h2:mem:" + name + "_" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE", "sa", "");
    }
}
