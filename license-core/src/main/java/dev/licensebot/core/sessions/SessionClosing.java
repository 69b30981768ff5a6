package dev.licensebot.core.sessions;

import dev.licensebot.core.tenant.SessionPoolCounter;
import org.jdbi.v3.core.Handle;

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

    /** Runs {@code close} (returning how many sessions it ended), then gives their licenses back. */
    static int close(Handle h, String tenantId, ToIntFunction<SessionWrites> close) {
        int closed = close.applyAsInt(h.attach(SessionWrites.class));
        if (closed > 0) {
            h.attach(SessionPoolCounter.class).addHeld(tenantId, -closed);
        }
        return closed;
    }
}
