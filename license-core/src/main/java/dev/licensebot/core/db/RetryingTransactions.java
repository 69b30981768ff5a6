package dev.licensebot.core.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs an outermost transaction again when the database rolled it back, until the policy's
 * deadline; past it, or when the connection is gone, the caller gets {@link DatabaseUnavailable}.
 *
 * <p>Again after a conflict (deadlock, Galera certification failure, lock wait timeout): the
 * database undid all of it, so running it again applies it once. Again after a lost connection
 * only when the work failed before its COMMIT was sent, on a connection that is still usable (the
 * MariaDB driver's failover reconnected it to another node): a transaction never committed is
 * rolled back by the server that loses it. A connection lost during the COMMIT leaves it unknown
 * whether the work took effect, so that is never run again here; the README names the calls
 * that are safe for the client to repeat. Nested transactions join the outer one and are not
 * retried on their own. Side effects outside the database happen after the commit.
 */
final class RetryingTransactions extends DelegatingTransactionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingTransactions.class);

    private final RetryPolicy policy;

    RetryingTransactions(TransactionHandler delegate, RetryPolicy policy) {
        super(delegate);
        this.policy = policy;
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        return retrying(handle, callback, tracked -> getDelegate().inTransaction(handle, tracked));
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                    HandleCallback<R, X> callback) throws X {
        return retrying(handle, callback, tracked -> getDelegate().inTransaction(handle, level, tracked));
    }

    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new RetryingTransactions(getDelegate().specialize(handle), policy);
    }

    /** One try of the whole transaction, with the callback given. */
    @FunctionalInterface
    private interface Attempt<R, X extends Exception> {
        R run(HandleCallback<R, X> callback) throws X;
    }

    private <R, X extends Exception> R retrying(Handle handle, HandleCallback<R, X> callback, Attempt<R, X> attempt)
            throws X {
        if (handle.isInTransaction()) {
            return attempt.run(callback);
        }
        long deadline = System.nanoTime() + policy.deadline().toNanos();
        for (int failures = 1; ; failures++) {
            Tracked<R, X> tracked = new Tracked<>(callback);
            try {
                return attempt.run(tracked);
            } catch (Exception e) {
                DatabaseFault fault = DatabaseFault.of(e, handle);
                if (fault == DatabaseFault.OTHER) {
                    throw e;
                }
                boolean again = fault == DatabaseFault.CONFLICT || !tracked.finished && usable(handle);
                long pause = policy.pauseNanos(failures);
                if (!again || System.nanoTime() + pause > deadline) {
                    LOG.warn("Transaction given up after {} tries ({}: {})", failures, fault, rootMessage(e));
                    throw new DatabaseUnavailable(e);
                }
                LOG.info("Transaction rolled back by the database ({}); running it again, attempt {}",
                        rootMessage(e), failures + 1);
                LockSupport.parkNanos(pause);
            }
        }
    }

    /** False once the pool has marked the connection broken (HikariCP closes it then). */
    private static boolean usable(Handle handle) {
        try {
            return !handle.getConnection().isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The database's own words, without the statement and its bound values. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The callback, noting whether it ran to its end, so that a failure after it came from the COMMIT. */
    private static final class Tracked<R, X extends Exception> implements HandleCallback<R, X> {
        private final HandleCallback<R, X> callback;
        private boolean finished;

        Tracked(HandleCallback<R, X> callback) {
            this.callback = callback;
        }

        @Override
        public R withHandle(Handle handle) throws X {
            R result = callback.withHandle(handle);
            finished = true;
            return result;
        }
    }
}
