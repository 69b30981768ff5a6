package dev.licensebot.core.db;

import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DbSettingsTest {

    @Test
    void mariaDbConnectionsPrepareTheirStatementsOnTheServer() {
        DbSettings settings = new DbSettings("jdbc:mariadb://db:3306/licensebot", "bot", "pw");

        assertEquals("true", settings.driverProperties().get("useServerPrepStmts"));
    }

    @Test
    void aMariaDbHostThatDoesNotAnswerIsGivenUpInASecond() {
        DbSettings settings = new DbSettings("jdbc:mariadb:sequential://n1:3306,n2:3306/licensebot", "bot", "pw");

        assertEquals("1000", settings.driverProperties().get("connectTimeout"));
    }

    @Test
    void aMariaDbConnectionWaitsForARowLockTwoSecondsAtMost() {
        TestDatabase db = TestDatabases.mariaDb().orElse(null);
        assumeTrue(db != null || TestDatabases.mariaDbRequired(), TestDatabases.mariaDbUnavailable());
        assertTrue(db != null, TestDatabases.mariaDbUnavailable());

        int seconds = db.jdbi().withHandle(h -> h.createQuery("SELECT @@innodb_lock_wait_timeout").mapTo(Integer.class).one());

        assertEquals(2, seconds, "InnoDB's default is 50 s");
    }

    @Test
    void theEmbeddedDatabaseGetsNoDriverOptions() {
        assertTrue(DbSettings.embeddedIn(java.nio.file.Path.of("data")).driverProperties().isEmpty());
    }

    @Test
    void anOptionTheOperatorSetInTheUrlIsLeftAsTheUrlSaysIt() {
        DbSettings settings = new DbSettings(
                "jdbc:mariadb://db:3306/licensebot?useServerPrepStmts=false&connectTimeout=5000"
                        + "&sessionVariables=innodb_lock_wait_timeout=10", "bot", "pw");

        assertTrue(settings.driverProperties().isEmpty());
    }
}
