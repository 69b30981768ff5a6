package dev.licensebot.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.licensebot.core.db.Database;
import dev.licensebot.core.db.DbSettings;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * A fresh, migrated database on the MariaDB at 127.0.0.1:3306 (root, no password; override with
 * BENCH_MARIADB_URL/USER/PASSWORD) for one benchmark run, dropped on close. JMH forks
 * {@link #attach attach} to it by name and leave it alone.
 */
public final class BenchDatabase implements AutoCloseable {

    private static final String SERVER = env("BENCH_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = env("BENCH_MARIADB_USER", "root");
    private static final String PASSWORD = env("BENCH_MARIADB_PASSWORD", "");

    /*
     * Idle, InnoDB flushes a handful of pages a second and may keep a few hundred dirty for good,
     * so the sign that the write-back is over is the flushing stopping, not the dirty pages gone.
     */
    private static final long QUIET_PAGES_A_SECOND = 20;
    private static final long QUIET_PURGE_BACKLOG = 1_000;
    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final String name;
    private final boolean owned;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private BenchDatabase(String name, boolean owned) {
        this.name = name;
        this.owned = owned;
        this.dataSource = pool(settings(name), 8);
        this.jdbi = Database.jdbiFor(dataSource);
    }

    /** Creates and migrates {@code lbbench_<random>}. */
    public static BenchDatabase create() {
        String name = "lbbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        BenchDatabase db = new BenchDatabase(name, true);
        Database.migrate(db.dataSource);
        return db;
    }

    /** The database another process created; closing this one does not drop it. */
    public static BenchDatabase attach(String name) {
        return new BenchDatabase(name, false);
    }

    public String name() {
        return name;
    }

    public DbSettings settings() {
        return settings(name);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** Another pool on the same database, as the product's own would be (its size matters in B1). */
    public HikariDataSource newPool(int size) {
        return pool(settings(), size);
    }

    /**
     * Waits, up to {@code limit}, until InnoDB has stopped writing back what a bulk load left dirty
     * and has purged its undo history. A load writes hundreds of thousands of rows in seconds, which
     * real traffic never does, and the write-back that follows runs for tens of seconds on the same
     * two cores as the timed requests (issue 7, B4). Nothing else of the bench runs meanwhile, so any
     * page written is the load's.
     */
    public QuietWindows.Outcome awaitWrittenBack(Duration limit) {
        return new QuietWindows(WINDOW, 1).await(() -> status("INNODB_BUFFER_POOL_PAGES_FLUSHED"),
                flushed -> flushed <= QUIET_PAGES_A_SECOND && purgeBacklog() <= QUIET_PURGE_BACKLOG,
                LockSupport::parkNanos, limit);
    }

    private long status(String variable) {
        return jdbi.withHandle(h -> h.createQuery("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
                + "WHERE VARIABLE_NAME = :name").bind("name", variable).mapTo(Long.class).one());
    }

    /** Undo records not yet purged (InnoDB's "history list length"). */
    private long purgeBacklog() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT FROM information_schema.INNODB_METRICS "
                + "WHERE NAME = 'trx_rseg_history_len'").mapTo(Long.class).one());
    }

    private static DbSettings settings(String name) {
        return new DbSettings(SERVER + name, USER, PASSWORD);
    }

    private static HikariDataSource pool(DbSettings settings, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(size);
        // The driver as the product's pool sets it (server-side prepared statements on MariaDB),
        // on both sides of B1, so the baseline is not measured with a different protocol.
        settings.driverProperties().forEach(config::addDataSourceProperty);
        // As the product's pool (Database.open) and as the baseline's transactions ask for.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Connections only as they are used: B1 makes a pool per side and client count, and the
        // MariaDB (max_connections 151) is shared with everyone else's tests.
        config.setMinimumIdle(1);
        config.setPoolName("bench");
        return new HikariDataSource(config);
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + SERVER + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
        if (owned) {
            execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
