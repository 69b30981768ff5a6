package dev.licensebot.core.usage;

import dev.licensebot.core.access.Operators;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

public final class UsageReport {

    private final Jdbi jdbi;
    private final Clock clock;
    private final Operators operators;

    public UsageReport(Jdbi jdbi, Clock clock, Operators operators) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.operators = operators;
    }
}
