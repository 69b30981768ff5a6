package dev.licensebot.core.sessions;

import dev.licensebot.core.tenant.TenantRepository;
import org.jdbi.v3.core.Handle;

import java.util.function.ToIntFunction;

/**
 * Every path that ends sessions goes through here, so the pool's {@code held} stays equal to the
 * tenant's sessions with no recorded end, and the locks are always taken in one order: the pool's
 * row first, then session rows. The other order (a logout holding its session row, waiting for the
 * pool, against an allocation holding the pool and recording that session's lapsed timeout) would
 * deadlock.
 */
final class SessionClosing {

    private SessionClosing() {
    }

    /**
     * Closes one session, for a logout: the pool's row lock comes with the decrement itself, then
     * the session's; if the session was closed already the decrement is given back. Two statements
     * under the lock instead of three, for the most frequent close.
     */
    static int closeOne(Handle h, String tenantId, ToIntFunction<SessionRepository> close) {
        TenantRepository pools = h.attach(TenantRepository.class);
        pools.addHeld(tenantId, -1);
        int closed = close.applyAsInt(h.attach(SessionRepository.class));
        if (closed != 1) {
            pools.addHeld(tenantId, 1);
        }
        return closed;
    }

    /** Runs {@code close} (returning how many sessions it ended) under the pool lock, inside {@code h}'s transaction. */
    static int close(Handle h, String tenantId, ToIntFunction<SessionRepository> close) {
        TenantRepository pools = h.attach(TenantRepository.class);
        pools.lockSessionPool(tenantId);
        int closed = close.applyAsInt(h.attach(SessionRepository.class));
        if (closed > 0) {
            pools.addHeld(tenantId, -closed);
        }
        return closed;
    }
}
