package dev.licensebot.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import javax.sql.DataSource;

/** A migrated connection pool and the Jdbi on top of it. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = jdbiFor(dataSource);
    }

    /** Opens a pool, brings the schema up to date and returns the ready database. */
    public static Database open(DbSettings settings, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("licensebot");
        // The isolation the allocation and close paths need (SessionPoolCounter), as every
        // connection's default, so Jdbi does not switch it back and forth around each transaction.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    public static Jdbi jdbiFor(DataSource dataSource) {
        return Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new UtcInstantPlugin());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** True when a connection can be had and answers; for readiness probes. */
    public boolean reachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
