package dev.licensebot.core.testing;

import dev.licensebot.core.db.DbSettings;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the test's own (never the shared one on 3306), in a temporary data dir on a
 * port given to the test, that the test may stop and start again: for database outages. Without
 * {@code /usr/sbin/mariadbd} the test is skipped, loudly, unless CI=true, where it fails.
 */
public final class OwnMariaDb implements AutoCloseable {

    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final String DATABASE = "licensebot";

    private final int port;
    private final Path dir;
    private Process server;
    private TestDatabase database;

    private OwnMariaDb(int port, Path dir) {
        this.port = port;
        this.dir = dir;
        // A test that dies half-way must not leave its server running.
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
    }

    /** A fresh server on {@code port} with an empty database "licensebot", running. */
    public static OwnMariaDb start(int port) {
        if (!Files.isExecutable(MARIADBD)) {
            String why = MARIADBD + " is not installed, so the database outage test cannot run";
            if (TestDatabases.mariaDbRequired()) {
                throw new IllegalStateException(why + " (CI=true requires it)");
            }
            System.err.println("WARNING: " + why + " - SKIPPED (set CI=true to require it).");
            Assumptions.abort(why);
        }
        requireFree(port);
        try {
            Path dir = Files.createTempDirectory("own-mariadb-" + port + "-");
            run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"), "--user=root",
                    "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"));
            OwnMariaDb db = new OwnMariaDb(port, dir);
            db.start();
            try (Connection c = db.connect(""); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public DbSettings settings() {
        return new DbSettings("jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE, "root", "");
    }

    /** The server's database as the core's tests use one (migrated), opened at the first call. */
    public synchronized TestDatabase database() {
        if (database == null) {
            database = new TestDatabase(TestDatabase.Kind.MARIADB, settings());
        }
        return database;
    }

    /**
     * Kills the server as a crash would (transactions in flight die with their connections and
     * are rolled back by the recovery), waits {@code down}, and starts it again on the same data.
     */
    public void crashAndRestart(Duration down) throws InterruptedException {
        kill();
        Thread.sleep(down.toMillis());
        start();
    }

    /** Starts the server on its data dir and returns once it accepts connections. */
    public synchronized void start() {
        if (server != null && server.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"), "--user=root",
                "--skip-name-resolve", "--innodb-buffer-pool-size=64M", "--max-connections=200"));
        try {
            server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = connect("")) {
                return;
            } catch (SQLException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("mariadbd on port " + port + " did not start; see "
                            + dir.resolve("mariadbd.log"), e);
                }
                sleep(50);
            }
        }
    }

    /** Kills the server at once (SIGKILL), as a crash or a lost host would; returns once it is gone. */
    public synchronized void kill() {
        stop(true);
    }

    /** Stops the server as an operator would (SIGTERM: it closes its connections and shuts down). */
    public synchronized void stop() {
        stop(false);
    }

    private void stop(boolean forcibly) {
        if (server == null) {
            return;
        }
        if (forcibly) {
            server.destroyForcibly();
        } else {
            server.destroy();
        }
        try {
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + database
                + "?connectTimeout=1000", "root", "");
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is taken: another mariadbd of a test still runs?", e);
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
