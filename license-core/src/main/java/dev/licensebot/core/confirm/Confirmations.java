package dev.licensebot.core.confirm;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

public final class Confirmations {
    private final Jdbi jdbi;
    private final Clock clock;

    public Confirmations(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }
}
