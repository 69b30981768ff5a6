package dev.licensebot.core.sessions;

import dev.licensebot.core.metrics.LicenseMetrics;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/**
 * Records lapsed timeouts (reason TIMEOUT, ended at the expiry instant). Reads already treat them
 * as closed; this makes it permanent. A conditional update, so any number of nodes may run it.
 */
public final class TimeoutSweeper {

    private final Jdbi jdbi;
    private final Clock clock;
    private final LicenseMetrics metrics;

    public TimeoutSweeper(Jdbi jdbi, Clock clock, LicenseMetrics metrics) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Returns how many sessions this run closed. */
    public int sweep() {
        int closed = jdbi.withExtension(SessionRepository.class, sessions -> sessions.recordTimeouts(clock.instant()));
        // The update is conditional, so across nodes each timeout is counted by exactly one.
        metrics.sessionsClosed(EndReason.TIMEOUT, closed);
        return closed;
    }
}
