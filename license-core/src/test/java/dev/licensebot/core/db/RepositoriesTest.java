package dev.licensebot.core.db;

import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RepositoriesTest {

    /** A scratch table of ids, named per test. */
    interface Probe {
        @SqlUpdate("INSERT INTO <table> (id) VALUES (:id)")
        void insert(@Define("table") String table, @Bind("id") int id);

        @SqlQuery("SELECT id FROM <table> ORDER BY id")
        List<Integer> ids(@Define("table") String table);
    }

    private static String scratchTable(TestDatabase db) {
        String table = "repositories_probe_" + UUID.randomUUID().toString().replace("-", "");
        db.jdbi().useHandle(h -> h.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY)"));
        return table;
    }

    private static List<Integer> committed(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM " + table + " ORDER BY id").mapTo(Integer.class).list());
    }

    @OnBothDatabases
    void aCallInsideATransactionJoinsItAndIsRolledBackWithIt(TestDatabase db) {
        String table = scratchTable(db);
        Repositories repositories = new Repositories(db.jdbi());

        List<Integer> seenInside = db.jdbi().inTransaction(h -> {
            repositories.of(Probe.class).insert(table, 1);
            List<Integer> seen = h.createQuery("SELECT id FROM " + table).mapTo(Integer.class).list();
            h.rollback();
            return seen;
        });

        assertEquals(List.of(1), seenInside, "the insert ran on the transaction's own handle");
        assertEquals(List.of(), committed(db.jdbi(), table), "and was rolled back with it");
    }

    @OnBothDatabases
    void aTransactionRunAgainAfterADeadlockRunsItsRepositoryCallsOnce(TestDatabase db) {
        String table = scratchTable(db);
        Repositories repositories = new Repositories(db.jdbi());
        AtomicInteger attempts = new AtomicInteger();

        db.jdbi().useTransaction(h -> {
            repositories.of(Probe.class).insert(table, 1);
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException(new SQLException("chosen as a deadlock victim", "40001"));
            }
        });

        assertEquals(2, attempts.get());
        assertEquals(List.of(1), committed(db.jdbi(), table), "the first attempt's insert was rolled back");
    }

    @OnBothDatabases
    void aCallWithNoHandleOpenOnTheThreadThrows(TestDatabase db) {
        String table = scratchTable(db);
        Repositories repositories = new Repositories(db.jdbi());

        assertThrows(IllegalStateException.class, () -> repositories.of(Probe.class));
        Probe kept = db.jdbi().withHandle(h -> repositories.of(Probe.class));
        assertThrows(IllegalStateException.class, () -> kept.insert(table, 1));
        assertEquals(List.of(), committed(db.jdbi(), table), "nothing ran on a handle of its own");
    }

    @OnBothDatabases
    void eachTypeIsAttachedOnce(TestDatabase db) {
        Repositories repositories = new Repositories(db.jdbi());

        Probe first = db.jdbi().withHandle(h -> repositories.of(Probe.class));
        Probe second = db.jdbi().inTransaction(h -> repositories.of(Probe.class));

        assertSame(first, second);
    }

    /**
     * Two threads share one repository, each inside its own transaction at the same time: each
     * sees only its own uncommitted row, and only the committing thread's row remains.
     */
    @OnBothDatabases
    void twoThreadsSharingARepositoryEachRunOnTheirOwnTransaction(TestDatabase db) throws Exception {
        String table = scratchTable(db);
        Repositories repositories = new Repositories(db.jdbi());
        CyclicBarrier inStep = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<List<Integer>> committing = CompletableFuture.supplyAsync(
                    () -> insertThenRead(db.jdbi(), repositories, table, 1, inStep, false), threads);
            CompletableFuture<List<Integer>> rollingBack = CompletableFuture.supplyAsync(
                    () -> insertThenRead(db.jdbi(), repositories, table, 2, inStep, true), threads);

            assertEquals(List.of(1), committing.get(60, TimeUnit.SECONDS));
            assertEquals(List.of(2), rollingBack.get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of(1), committed(db.jdbi(), table));
    }

    private static List<Integer> insertThenRead(Jdbi jdbi, Repositories repositories, String table, int id,
                                                CyclicBarrier inStep, boolean rollBack) {
        return jdbi.inTransaction(h -> {
            Probe probe = repositories.of(Probe.class);
            probe.insert(table, id);
            awaitOther(inStep); // both have inserted
            List<Integer> seen = probe.ids(table);
            awaitOther(inStep); // neither commits before both have read
            if (rollBack) {
                h.rollback();
            }
            return seen;
        });
    }

    private static void awaitOther(CyclicBarrier barrier) {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other thread never got there", e);
        }
    }
}
