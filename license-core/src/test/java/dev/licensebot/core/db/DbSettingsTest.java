package dev.licensebot.core.db;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theEmbeddedDatabaseGetsNoDriverOptions() {
        assertTrue(DbSettings.embeddedIn(java.nio.file.Path.of("data")).driverProperties().isEmpty());
    }

    @Test
    void anOptionTheOperatorSetInTheUrlIsLeftAsTheUrlSaysIt() {
        DbSettings settings = new DbSettings(
                "jdbc:mariadb://db:3306/licensebot?useServerPrepStmts=false&connectTimeout=5000", "bot", "pw");

        assertTrue(settings.driverProperties().isEmpty());
    }
}
