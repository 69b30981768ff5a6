package dev.licensebot.core.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.licensebot.core.testing.OnMariaDb;
import dev.licensebot.core.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transaction that meets a row another connection holds (MariaDB's lock wait timeout, 1205, as
 * {@code FOR UPDATE NOWAIT} reports it at once) is run again with growing pauses until the
 * deadline, not a fixed handful of times; past the deadline the caller gets DatabaseUnavailable.
 */
class TransactionRetryTest {

    /** The old runner gave up after this many tries (one and five retries), and never retried 1205. */
    private static final int OLD_TRIES = 6;

    @OnMariaDb
    void aTransactionThatKeepsMeetingALockedRowIsRunAgainPastTheOldCountUntilItGetsThrough(TestDatabase db)
            throws Exception {
        try (LockedRow row = new LockedRow(db); HikariDataSource pool = db.newPool(2)) {
            Jdbi jdbi = Database.jdbiFor(pool);
            AtomicInteger tries = new AtomicInteger();
            int releaseAt = OLD_TRIES + 3;

            jdbi.useTransaction(h -> {
                if (tries.incrementAndGet() == releaseAt) {
                    row.release();
                }
                h.execute(row.lockNoWait());
                h.execute(row.increment());
            });

            assertEquals(releaseAt, tries.get(), "run until the row was free");
            assertEquals(1, row.count(), "applied once, however often it was tried");
        }
    }

    @OnMariaDb
    void aRowThatStaysLockedIsGivenUpAsDatabaseUnavailableAtTheDeadline(TestDatabase db) throws Exception {
        try (LockedRow row = new LockedRow(db); HikariDataSource pool = db.newPool(2)) {
            Duration deadline = Duration.ofMillis(400);
            Jdbi jdbi = Database.jdbiFor(pool, new RetryPolicy(deadline, Duration.ofMillis(5), Duration.ofMillis(50)));
            AtomicInteger tries = new AtomicInteger();
            long start = System.nanoTime();

            DatabaseUnavailable failure = assertThrows(DatabaseUnavailable.class, () -> jdbi.useTransaction(h -> {
                tries.incrementAndGet();
                h.execute(row.lockNoWait());
                h.execute(row.increment());
            }));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(tries.get() > OLD_TRIES, "tried " + tries.get() + " times");
            assertTrue(took.compareTo(deadline.plusMillis(300)) < 0, "gave up after " + took);
            assertEquals("database_unavailable", failure.code());
            assertEquals(0, row.count(), "nothing applied");
        }
    }

    /** A scratch row, locked by a transaction of its own until released. */
    private static final class LockedRow implements AutoCloseable {

        private final TestDatabase db;
        private final String table = "retry_probe_" + UUID.randomUUID().toString().replace("-", "");
        private final HikariDataSource holderPool;
        private final Connection holder;

        LockedRow(TestDatabase db) throws SQLException {
            this.db = db;
            db.jdbi().useHandle(h -> {
                h.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, n INT NOT NULL)");
                h.execute("INSERT INTO " + table + " (id, n) VALUES (1, 0)");
            });
            holderPool = db.newPool(1);
            holder = holderPool.getConnection();
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.executeQuery("SELECT n FROM " + table + " WHERE id = 1 FOR UPDATE").close();
            }
        }

        String lockNoWait() {
            return "SELECT n FROM " + table + " WHERE id = 1 FOR UPDATE NOWAIT";
        }

        String increment() {
            return "UPDATE " + table + " SET n = n + 1 WHERE id = 1";
        }

        void release() {
            try {
                holder.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        int count() {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT n FROM " + table + " WHERE id = 1")
                    .mapTo(Integer.class).one());
        }

        @Override
        public void close() throws SQLException {
            holder.rollback();
            holder.close();
            holderPool.close();
            db.jdbi().useHandle(h -> h.execute("DROP TABLE " + table));
        }
    }
}
