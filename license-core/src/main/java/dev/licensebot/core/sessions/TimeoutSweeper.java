package dev.licensebot.core.sessions;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/**
 * Records lapsed timeouts (reason TIMEOUT, ended at the expiry instant). Reads already treat them
 * as closed; this makes it permanent. A conditional update, so any number of nodes may run it.
 */
public final class TimeoutSweeper {

    private final Jdbi jdbi;
    private final Clock clock;

    public TimeoutSweeper(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Returns how many sessions this run closed. */
    public int sweep() {
        return jdbi.withExtension(SessionRepository.class, sessions -> sessions.recordTimeouts(clock.instant()));
    }
}
