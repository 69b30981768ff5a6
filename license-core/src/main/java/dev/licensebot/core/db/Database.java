package dev.licensebot.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.sql.Connection;
import java.sql.SQLException;

/** A migrated connection pool and the Jdbi on top of it. */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * How long a request waits for a connection before it is answered "database unavailable":
     * long enough for a pool under load, short enough that nobody waits out an outage.
     */
    static final Duration CONNECTION_WAIT = Duration.ofMillis(1500);

    private final DbSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private DatabaseHealth health;

    private Database(DbSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
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
        config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        config.setValidationTimeout(CONNECTION_WAIT.toMillis() / 2);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(settings, dataSource);
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** {@link #jdbiFor(DataSource, RetryPolicy)} with the default retry deadline of about two seconds. */
    public static Jdbi jdbiFor(DataSource dataSource) {
        return jdbiFor(dataSource, RetryPolicy.DEFAULT);
    }

    /**
     * A Jdbi on which no database fault escapes as anything but {@link DatabaseUnavailable}, and
     * every outermost transaction that the database rolls back (a deadlock, a Galera certification
     * failure, a lock wait timeout) is run again until {@code retries} gives up
     * ({@link RetryingTransactions}). MariaDB's manual asks for this of every transaction, since
     * concurrent writers can deadlock however carefully they order their locks. A connection that
     * cannot be had, and one lost under a statement, become DatabaseUnavailable at the outermost
     * handle; any other failure passes unchanged.
     */
    public static Jdbi jdbiFor(DataSource dataSource, RetryPolicy retries) {
        Jdbi jdbi = Jdbi.create(() -> connection(dataSource))
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new UtcInstantPlugin());
        jdbi.setTransactionHandler(new RetryingTransactions(jdbi.getTransactionHandler(), retries));
        jdbi.setHandleCallbackDecorator(new Translating(jdbi));
        return jdbi;
    }

    private static Connection connection(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            LOG.warn("No database connection: {}", RetryingTransactions.rootMessage(e));
            throw new DatabaseUnavailable(e);
        }
    }

    /** Database faults of the outermost handle's work as DatabaseUnavailable; nested work leaves that to it. */
    private record Translating(Jdbi jdbi) implements HandleCallbackDecorator {

        @Override
        public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> callback) {
            if (jdbi.getHandleScope().get() != null) {
                return callback;
            }
            return handle -> {
                try {
                    return callback.withHandle(handle);
                } catch (Exception e) {
                    if (DatabaseFault.of(e, handle) == DatabaseFault.OTHER) {
                        throw e;
                    }
                    LOG.warn("Database fault: {}", RetryingTransactions.rootMessage(e));
                    throw new DatabaseUnavailable(e);
                }
            };
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Starts the readiness probe that {@link #ready()} answers from: one more connection, probed every
     * 200 ms ({@link DatabaseHealth}). For a server; a one-off command has no use for it.
     */
    public synchronized Database watchHealth() {
        if (health == null) {
            health = DatabaseHealth.watch(settings);
        }
        return this;
    }

    /** Whether the database answered a moment ago, without waiting; for /readyz. Needs {@link #watchHealth()}. */
    public synchronized boolean ready() {
        if (health == null) {
            throw new IllegalStateException("ready() needs watchHealth() first");
        }
        return health.ready();
    }

    /** True when a connection can be had and answers. */
    public boolean reachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (health != null) {
                health.close();
            }
        }
        dataSource.close();
    }
}
