package dev.licensebot.core.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.licensebot.core.testing.OnMariaDb;
import dev.licensebot.core.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real deadlock on MariaDB: a small transaction takes row 1 and then wants row 2, while a bigger
 * one holds rows 2 to 20 and then wants row 1. MariaDB rolls back the smaller one.
 */
class DeadlockRetryTest {

    private static final int HEAVY_ROWS = 20;

    @OnMariaDb
    void aTransactionChosenAsADeadlockVictimIsRunAgainAndAppliedOnce(TestDatabase db) throws Exception {
        try (Probe probe = new Probe(db); HikariDataSource pool = db.newPool(2)) {
            AtomicInteger attempts = new AtomicInteger();
            CompletableFuture<Void> victim = probe.deadlockAgainst(Database.jdbiFor(pool), attempts);

            probe.finishHeavyTransaction();
            victim.get(30, TimeUnit.SECONDS);

            assertEquals(2, attempts.get(), "rolled back once, then run again");
            assertEquals(2, probe.count(1), "row 1: +1 by each transaction, the victim's counted once");
            assertEquals(2, probe.count(2), "row 2: +1 by each transaction, the victim's counted once");
        }
    }

    /** The same race without the retry, so the test above is known to need it. */
    @OnMariaDb
    void withoutTheRetryTheVictimFails(TestDatabase db) throws Exception {
        try (Probe probe = new Probe(db); HikariDataSource pool = db.newPool(2)) {
            Jdbi plain = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
            CompletableFuture<Void> victim = probe.deadlockAgainst(plain, new AtomicInteger());

            probe.finishHeavyTransaction();
            Exception failure = assertThrows(Exception.class, () -> victim.get(30, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof UnableToExecuteStatementException, failure.toString());
            assertEquals(1, probe.count(1), "only the heavy transaction's +1");
        }
    }

    /** A scratch table, and the heavy transaction on a connection of its own. */
    private static final class Probe implements AutoCloseable {

        private final TestDatabase db;
        private final String table = "deadlock_probe_" + UUID.randomUUID().toString().replace("-", "");
        private final HikariDataSource heavyPool;
        private final Connection heavy;
        private final CountDownLatch victimHoldsRowOne = new CountDownLatch(1);

        Probe(TestDatabase db) throws SQLException {
            this.db = db;
            db.jdbi().useHandle(h -> {
                h.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, n INT NOT NULL)");
                for (int id = 1; id <= HEAVY_ROWS; id++) {
                    h.execute("INSERT INTO " + table + " (id, n) VALUES (?, 0)", id);
                }
            });
            heavyPool = db.newPool(1);
            heavy = heavyPool.getConnection();
            heavy.setAutoCommit(false);
            increment(heavy, "id >= 2");
        }

        /** Row 1, then (on the first attempt, once the heavy transaction holds row 2) row 2. */
        CompletableFuture<Void> deadlockAgainst(Jdbi jdbi, AtomicInteger attempts) {
            return CompletableFuture.runAsync(() -> jdbi.useTransaction(h -> {
                h.execute("UPDATE " + table + " SET n = n + 1 WHERE id = 1");
                if (attempts.incrementAndGet() == 1) {
                    victimHoldsRowOne.countDown();
                }
                h.execute("UPDATE " + table + " SET n = n + 1 WHERE id = 2");
            }));
        }

        /** Wants row 1 while holding rows 2 to 20: a cycle MariaDB breaks by rolling back the lighter side. */
        void finishHeavyTransaction() throws Exception {
            assertTrue(victimHoldsRowOne.await(30, TimeUnit.SECONDS));
            increment(heavy, "id = 1");
            heavy.commit();
        }

        int count(int id) {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT n FROM " + table + " WHERE id = :id")
                    .bind("id", id).mapTo(Integer.class).one());
        }

        private void increment(Connection connection, String where) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + " SET n = n + 1 WHERE " + where)) {
                update.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            heavy.rollback();
            heavy.close();
            heavyPool.close();
            db.jdbi().useHandle(h -> h.execute("DROP TABLE " + table));
        }
    }
}
