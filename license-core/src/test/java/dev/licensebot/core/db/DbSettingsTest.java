package dev.licensebot.core.db;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DbSettingsTest {

    @Test
    void mariaDbConnectionsPrepareTheirStatementsOnTheServer() {
        DbSettings settings = new DbSettings("jdbc:mariadb://db:3306/licensebot", "bot", "pw");

        assertEquals(Map.of("useServerPrepStmts", "true"), settings.driverProperties());
    }

    @Test
    void theEmbeddedDatabaseGetsNoDriverOptions() {
        assertTrue(DbSettings.embeddedIn(java.nio.file.Path.of("data")).driverProperties().isEmpty());
    }

    @Test
    void anOptionTheOperatorSetInTheUrlIsLeftAsTheUrlSaysIt() {
        DbSettings settings = new DbSettings("jdbc:mariadb://db:3306/licensebot?useServerPrepStmts=false", "bot", "pw");

        assertTrue(settings.driverProperties().isEmpty());
    }
}
