package dev.licensebot.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.SerializableTransactionRunner;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/** A migrated connection pool and the Jdbi on top of it. */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final int TRANSACTION_RETRIES = 5;

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
        settings.driverProperties().forEach(config::addDataSourceProperty);
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

    /**
     * Every transaction that fails with SQLSTATE 40001 (a deadlock on MariaDB and H2, a serialization
     * failure elsewhere) is run again, up to {@value #TRANSACTION_RETRIES} more times: the database
     * rolled all of it back, so running it again applies it once. MariaDB's manual asks for this of
     * every transaction, since concurrent writers can deadlock however carefully they order their
     * locks. Nested transactions join the outer one, so only the outermost is retried; side effects
     * outside the database (metrics, audit log lines) happen after the commit.
     */
    public static Jdbi jdbiFor(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new UtcInstantPlugin());
        jdbi.setTransactionHandler(new SerializableTransactionRunner());
        jdbi.getConfig(SerializableTransactionRunner.Configuration.class)
                .setMaxRetries(TRANSACTION_RETRIES)
                .setOnFailure(failures -> LOG.info("Transaction rolled back by the database ({}); running it again, "
                        + "attempt {}", rootMessage(failures.get(failures.size() - 1)), failures.size() + 1));
        return jdbi;
    }

    /** The database's own words, without the statement and its bound values. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
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
