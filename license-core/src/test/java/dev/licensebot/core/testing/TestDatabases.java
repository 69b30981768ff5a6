package dev.licensebot.core.testing;

import dev.licensebot.core.db.DbSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes the per-run databases: an in-memory H2 in MariaDB mode, and a fresh database on the
 * MariaDB at 127.0.0.1:3306 (override with TEST_MARIADB_URL, TEST_MARIADB_USER,
 * TEST_MARIADB_PASSWORD), dropped when the JVM exits. Without a reachable MariaDB the MariaDB runs
 * are skipped, loudly, unless CI=true, where they fail.
 */
public final class TestDatabases {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static TestDatabase h2;
    private static TestDatabase mariaDb;
    private static String mariaDbUnavailable;

    private TestDatabases() {
    }

    public static synchronized TestDatabase h2() {
        if (h2 == null) {
            h2 = new TestDatabase(TestDatabase.Kind.H2, new DbSettings("jdbc:h2:mem:lbtest_" + RUN
                    + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE", "sa", ""));
        }
        return h2;
    }

    /** The MariaDB test database, or empty with {@link #mariaDbUnavailable()} saying why. */
    public static synchronized Optional<TestDatabase> mariaDb() {
        if (mariaDb == null && mariaDbUnavailable == null) {
            createMariaDb();
        }
        return Optional.ofNullable(mariaDb);
    }

    public static synchronized String mariaDbUnavailable() {
        return mariaDbUnavailable;
    }

    public static boolean mariaDbRequired() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static void createMariaDb() {
        String server = env("TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        String user = env("TEST_MARIADB_USER", "root");
        String password = env("TEST_MARIADB_PASSWORD", "");
        String name = "lbtest_" + RUN;
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            mariaDbUnavailable = "MariaDB is not reachable at " + server + " (" + e.getMessage() + ")";
            System.err.println("WARNING: " + mariaDbUnavailable + " - MariaDB tests are SKIPPED (set CI=true to require them).");
            return;
        }
        mariaDb = new TestDatabase(TestDatabase.Kind.MARIADB, new DbSettings(server + name, user, password));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, user, password, name)));
    }

    private static void drop(String server, String user, String password, String name) {
        mariaDb.close();
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
