package dev.licensebot.bench.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the SESSION pool every 50 ms on a connection of its own, in one statement (one consistent
 * read): its held count, its total and the sessions without an end. Notes the highest held and
 * every reading where held is above the total or differs from the open sessions.
 */
final class Sampler implements AutoCloseable {

    static final String READ = "SELECT p.held, p.total, (SELECT COUNT(*) FROM agent_session s "
            + "WHERE s.tenant_id = p.tenant_id AND s.ended_at IS NULL) FROM license_pool p "
            + "WHERE p.tenant_id = ? AND p.pool = 'SESSION'";

    private final String url;
    private final String tenantId;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    final AtomicInteger samples = new AtomicInteger();
    final AtomicInteger maxHeld = new AtomicInteger();
    final AtomicInteger total = new AtomicInteger();
    final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

    private Sampler(String url, String tenantId) {
        this.url = url;
        this.tenantId = tenantId;
        this.thread = new Thread(this::loop, "pool-sampler");
    }

    static Sampler start(String url, String tenantId) {
        Sampler sampler = new Sampler(url, tenantId);
        sampler.thread.start();
        return sampler;
    }

    private void loop() {
        Connection connection = null;
        while (running.get()) {
            try {
                if (connection == null) {
                    connection = connect(url);
                }
                read(connection);
            } catch (SQLException e) {
                close(connection);
                connection = null;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
        close(connection);
    }

    /** One reading, checked; answers held. */
    int read(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setString(1, tenantId);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                int held = row.getInt(1);
                int poolTotal = row.getInt(2);
                int open = row.getInt(3);
                samples.incrementAndGet();
                maxHeld.accumulateAndGet(held, Math::max);
                total.set(poolTotal);
                if (held > poolTotal || held != open) {
                    violations.add("held " + held + ", total " + poolTotal + ", open sessions " + open);
                }
                return held;
            }
        }
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "connectTimeout=1000", "root", "");
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // A broken connection is being dropped; nothing is left to close.
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.interrupt();
        thread.join(5_000);
    }
}
