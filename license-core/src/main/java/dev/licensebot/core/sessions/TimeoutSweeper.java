package dev.licensebot.core.sessions;

import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.metrics.LicenseMetrics;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Records lapsed timeouts (reason TIMEOUT, ended at the expiry instant). Reads already treat them
 * as closed; this makes it permanent and frees the pool's held count. A conditional update, so any
 * number of nodes may run it.
 */
public final class TimeoutSweeper {

    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Clock clock;
    private final LicenseMetrics metrics;

    public TimeoutSweeper(Jdbi jdbi, Repositories repositories, Clock clock, LicenseMetrics metrics) {
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Returns how many sessions this run closed. One tenant a transaction, each under its pool's
     * lock taken last (SessionClosing), so the pool's held count drops with the sessions it closes.
     */
    public int sweep() {
        // Milliseconds, as stored (DATETIME(3)): the pool's stamp moves to exactly what was compared.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int closed = 0;
        for (String tenantId : repositories.with(SessionRepository.class, s -> s.tenantsWithLapsedTimeouts(now))) {
            closed += jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> SessionClosing.close(repositories, tenantId, now, s -> s.recordTimeouts(tenantId, now)));
        }
        // The update is conditional, so across nodes each timeout is counted by exactly one.
        metrics.sessionsClosed(EndReason.TIMEOUT, closed);
        return closed;
    }
}
