package dev.licensebot.core.sessions;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.tenant.SessionPoolCounter;

import java.time.Instant;
import java.util.function.ToIntFunction;

/**
 * Every path that ends sessions goes through here, so the pool's {@code held} stays equal to the
 * tenant's sessions with no recorded end. The sessions' rows are written first and the pool's row
 * last ({@link SessionPoolCounter}): a transaction never waits for a session row while it holds the
 * pool's lock, so closes and allocations cannot deadlock, and the lock lasts one UPDATE and the
 * commit. Callers run in READ COMMITTED, where an UPDATE locks only the rows it changes.
 */
final class SessionClosing {

    private SessionClosing() {
    }

    /**
     * Runs {@code close} (returning how many sessions it ended), then gives their licenses back.
     * {@code now} is the clock read the closes were stamped by: each end is at most now, or the
     * session's own start when that is later (SessionWrites), and the pool's stamp moves up to it.
     */
    static int close(Repositories repositories, String tenantId, Instant now, ToIntFunction<SessionWrites> close) {
        return giveBack(repositories.of(SessionPoolCounter.class), tenantId,
                close.applyAsInt(repositories.of(SessionWrites.class)), now);
    }

    /**
     * Closes one session if it is open now; 1 if this call closed it: a logout's whole work, on the
     * caller's open handle and transaction.
     */
    static int closeOne(Repositories repositories, String tenantId, String sessionId, Instant now, EndReason reason,
                        String by) {
        int closed = repositories.of(SessionWrites.class).close(tenantId, sessionId, now, reason, by);
        return giveBack(repositories.of(SessionPoolCounter.class), tenantId, closed, now);
    }

    private static int giveBack(SessionPoolCounter pool, String tenantId, int closed, Instant now) {
        if (closed > 0) {
            pool.addHeld(tenantId, -closed, now);
        }
        return closed;
    }
}
