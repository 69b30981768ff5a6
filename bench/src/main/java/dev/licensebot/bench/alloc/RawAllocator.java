package dev.licensebot.bench.alloc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * B1's baseline: the minimal correct allocation in raw JDBC on its own small tables. One
 * transaction: a conditional {@code UPDATE … SET in_use = in_use + 1 WHERE in_use < total} (the
 * row lock serialises allocations of one pool) and an {@code INSERT} of the allocation; release is
 * the mirror image. No lazy timeout, no interactions, no denial record: the floor to compare with.
 */
public final class RawAllocator {

    private final DataSource dataSource;
    private final long poolId;

    private RawAllocator(DataSource dataSource, long poolId) {
        this.dataSource = dataSource;
        this.poolId = poolId;
    }

    /** Creates the tables if need be and a new pool of {@code total} with {@code inUse} held. */
    public static RawAllocator create(DataSource dataSource, int total, int inUse) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_pool (id BIGINT NOT NULL AUTO_INCREMENT, total INT NOT NULL, "
                    + "in_use INT NOT NULL, PRIMARY KEY (id))");
            s.execute("CREATE TABLE IF NOT EXISTS bench_allocation (id BIGINT NOT NULL AUTO_INCREMENT, "
                    + "pool_id BIGINT NOT NULL, started_at DATETIME(3) NOT NULL, ended_at DATETIME(3), PRIMARY KEY (id))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_pool (total, in_use) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setInt(1, total);
                insert.setInt(2, inUse);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new RawAllocator(dataSource, keys.getLong(1));
                }
            }
        }
    }

    /** The allocation's id, or -1 when the pool is full. */
    public long allocate() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (PreparedStatement take = c.prepareStatement(
                    "UPDATE bench_pool SET in_use = in_use + 1 WHERE id = ? AND in_use < total")) {
                take.setLong(1, poolId);
                if (take.executeUpdate() == 0) {
                    c.rollback();
                    return -1;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO bench_allocation (pool_id, started_at) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, poolId);
                insert.setObject(2, LocalDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    long id = keys.getLong(1);
                    c.commit();
                    return id;
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Gives an allocation back; a second release of the same one changes nothing. */
    public void release(long allocationId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (PreparedStatement end = c.prepareStatement(
                    "UPDATE bench_allocation SET ended_at = ? WHERE id = ? AND ended_at IS NULL");
                 PreparedStatement free = c.prepareStatement("UPDATE bench_pool SET in_use = in_use - 1 WHERE id = ?")) {
                end.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
                end.setLong(2, allocationId);
                if (end.executeUpdate() == 1) {
                    free.setLong(1, poolId);
                    free.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Allocations not released, counted from the rows, and the counter: they must agree. */
    public long[] heldAndCounter() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement held = c.prepareStatement(
                     "SELECT (SELECT COUNT(*) FROM bench_allocation WHERE pool_id = ? AND ended_at IS NULL), "
                             + "in_use, total FROM bench_pool WHERE id = ?")) {
            held.setLong(1, poolId);
            held.setLong(2, poolId);
            try (ResultSet rs = held.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }
}
