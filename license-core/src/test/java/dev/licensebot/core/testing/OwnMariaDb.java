package dev.licensebot.core.testing;

import dev.licensebot.core.db.DbSettings;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the test's own, on a port of its own and a fresh data directory, for tests
 * that crash and restart the database: never the shared one on 3306. Needs {@code mariadbd} and
 * {@code mariadb-install-db} on the PATH (Debian's mariadb-server); without them the test is
 * skipped, loudly, unless CI=true, where it fails.
 */
public final class OwnMariaDb implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process server;
    private TestDatabase database;

    private OwnMariaDb(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** A fresh server on 127.0.0.1:{@code port}, with a migrated database. */
    public static OwnMariaDb start(int port) throws IOException, InterruptedException {
        String missing = Stream.of("mariadbd", "mariadb-install-db").filter(p -> onPath(p) == null).findFirst()
                .orElse(null);
        if (missing != null) {
            String reason = missing + " is not installed: the database restart test needs a MariaDB of its own";
            if (TestDatabases.mariaDbRequired()) {
                throw new IllegalStateException(reason);
            }
            System.err.println("WARNING: " + reason + " - SKIPPED (set CI=true to require it).");
            Assumptions.abort(reason);
        }
        OwnMariaDb own = new OwnMariaDb(port, Files.createTempDirectory("licensebot-own-mariadb"));
        own.run(List.of(onPath("mariadb-install-db").toString(), "--no-defaults", "--datadir=" + own.dir.resolve("data"),
                "--auth-root-authentication-method=normal", "--skip-test-db"), Duration.ofSeconds(60));
        own.startServer();
        String server = "jdbc:mariadb://127.0.0.1:" + port + "/";
        try (Connection c = DriverManager.getConnection(server, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE licensebot CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            own.close();
            throw new IllegalStateException("the test's own MariaDB did not take a database", e);
        }
        own.database = new TestDatabase(TestDatabase.Kind.MARIADB, new DbSettings(server + "licensebot", "root", ""));
        return own;
    }

    public TestDatabase database() {
        return database;
    }

    /**
     * Kills the server as a crash would (no shutdown: transactions in flight die with their
     * connections and are rolled back by the recovery), waits {@code down}, and starts it again
     * on the same data.
     */
    public void crashAndRestart(Duration down) throws IOException, InterruptedException {
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(down.toMillis());
        startServer();
    }

    private void startServer() throws IOException, InterruptedException {
        server = new ProcessBuilder(onPath("mariadbd").toString(), "--no-defaults", "--user=" + System.getProperty("user.name"),
                "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mariadb.sock"), "--pid-file=" + dir.resolve("mariadb.pid"),
                "--skip-log-bin", "--innodb-buffer-pool-size=64M", "--max-connections=200")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!accepts()) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the test's own MariaDB did not start; see " + dir.resolve("server.log"));
            }
            Thread.sleep(50);
        }
    }

    private boolean accepts() {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "")) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private void run(List<String> command, Duration limit) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("mariadb-install-db failed; see " + dir.resolve("install.log"));
        }
    }

    private static Path onPath(String program) {
        for (String entry : (System.getenv("PATH") + File.pathSeparator + "/usr/sbin:/usr/bin").split(File.pathSeparator)) {
            Path candidate = Paths.get(entry, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Stops the server (the JVM would not) and removes its data. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (database != null) {
            database.close();
        }
        if (server != null) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
