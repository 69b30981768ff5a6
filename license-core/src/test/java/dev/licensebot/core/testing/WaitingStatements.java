package dev.licensebot.core.testing;

import java.util.concurrent.TimeUnit;

/**
 * Waits until statements of a test's database are blocked at a lock, so a test can order racing
 * transactions instead of hoping for an order. On MariaDB the place to see a blocked statement is
 * the process list (innodb_trx shows only running transactions).
 */
public final class WaitingStatements {

    private WaitingStatements() {
    }

    /** Until at least {@code count} statements of this database whose text is LIKE {@code like} are running. */
    public static void await(TestDatabase db, String like, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (running(db, like) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " statement(s) like '" + like + "' should be waiting for a lock");
            }
            Thread.sleep(5);
        }
    }

    /** How many statements of this database whose text is LIKE {@code like} are running now. */
    public static int running(TestDatabase db, String like) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                + "WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND INFO LIKE :like")
                .bind("like", like).mapTo(Integer.class).one());
    }
}
