package dev.licensebot.core.db;

import dev.licensebot.core.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether the database answers, as readiness probes ask it: a query on a connection of its own
 * every {@link #EVERY}, so that neither a busy pool nor a hung database makes the probe wait. The
 * answer is the age of the last good query: ready while it is younger than {@link #STALE}, so a
 * database that stops answering, however it stops, reads as away within that time, and one that
 * is back reads as ready at the next query. A query, not a ping: a Galera node outside the
 * primary component answers pings but refuses queries.
 */
public final class DatabaseHealth implements AutoCloseable {

    static final Duration EVERY = Duration.ofMillis(200);
    static final Duration STALE = Duration.ofMillis(700);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);

    private final DbSettings settings;
    private final ScheduledExecutorService probe;
    private volatile long lastGoodNanos;
    private Connection connection;
    private boolean wasReady = true;

    private DatabaseHealth(DbSettings settings) {
        this.settings = settings;
        this.probe = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("database-health"));
    }

    /** Probing from now on; ready at once, since the caller has just opened the database. */
    public static DatabaseHealth watch(DbSettings settings) {
        DatabaseHealth health = new DatabaseHealth(settings);
        health.lastGoodNanos = System.nanoTime();
        health.probe.scheduleWithFixedDelay(health::check, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return health;
    }

    public boolean ready() {
        return System.nanoTime() - lastGoodNanos < STALE.toNanos();
    }

    private void check() {
        boolean good = query();
        if (good) {
            lastGoodNanos = System.nanoTime();
        }
        if (good != wasReady) {
            LOG.warn(good ? "The database answers again" : "The database does not answer");
            wasReady = good;
        }
    }

    private boolean query() {
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(settings.url(), properties());
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(1);
                try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                    return rows.next();
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Database probe failed: {}", e.getMessage());
            closeConnection();
            return false;
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        if (settings.url().startsWith("jdbc:mariadb:")) {
            properties.setProperty("connectTimeout", "500");
            properties.setProperty("socketTimeout", "1000");
        }
        return properties;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the probe's broken connection failed: {}", e.getMessage());
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        probe.shutdownNow();
        try {
            probe.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
