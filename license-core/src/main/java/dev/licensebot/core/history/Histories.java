package dev.licensebot.core.history;

import dev.licensebot.core.access.Operators;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

public final class Histories {

    private final Jdbi jdbi;
    private final Clock clock;
    private final Operators operators;

    public Histories(Jdbi jdbi, Clock clock, Operators operators) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.operators = operators;
    }
}
