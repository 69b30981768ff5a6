package dev.licensebot.bench.server;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The least an answer from the database costs: one operator's role read by its primary key, in
 * raw JDBC on a pool of its own. B3's bare ack does it before acking, so the report shows what one
 * round trip to MariaDB adds to an ack on this machine, whatever the product does around it.
 */
public final class PrimaryKeyRead implements AutoCloseable {

    private final HikariDataSource pool;
    private final String tenantId;
    private final String email;

    public PrimaryKeyRead(HikariDataSource pool, String tenantId, String email) {
        this.pool = pool;
        this.tenantId = tenantId;
        this.email = email;
    }

    /** Whether the row is there: the read is checked, so the baseline cannot measure a failure. */
    public boolean found() {
        try (Connection connection = pool.getConnection();
             PreparedStatement role = connection.prepareStatement(
                     "SELECT role FROM tenant_operator WHERE tenant_id = ? AND email = ?")) {
            role.setString(1, tenantId);
            role.setString(2, email);
            try (ResultSet row = role.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The bare read failed", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
