package dev.licensebot.core.users;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

public final class UserLicenses {
    private final Jdbi jdbi;
    private final Clock clock;

    public UserLicenses(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }
}
