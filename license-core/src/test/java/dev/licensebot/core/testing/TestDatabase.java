package dev.licensebot.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.db.DbSettings;
import org.jdbi.v3.core.Jdbi;

/**
 * One migrated database per JVM run and kind. Tests share it safely because each test makes its
 * own tenants, and nothing of one tenant is visible to another.
 */
public final class TestDatabase {

    public enum Kind { H2, MARIADB }

    private final Kind kind;
    private final DbSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    TestDatabase(Kind kind, DbSettings settings) {
        this.kind = kind;
        this.settings = settings;
        this.dataSource = pool(settings, 16);
        Database.migrate(dataSource);
        this.jdbi = Database.jdbiFor(dataSource);
    }

    public Kind kind() {
        return kind;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The same database as a server or a CLI would be pointed at it. */
    public DbSettings settings() {
        return settings;
    }

    /** A second, independent connection pool on the same database: another "node". */
    public HikariDataSource newPool(int size) {
        return pool(settings, size);
    }

    private static HikariDataSource pool(DbSettings settings, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(size);
        // As Database.open: the tests run the driver's protocol the product runs.
        settings.driverProperties().forEach(config::addDataSourceProperty);
        return new HikariDataSource(config);
    }

    void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return kind == Kind.H2 ? "H2" : "MariaDB";
    }
}
