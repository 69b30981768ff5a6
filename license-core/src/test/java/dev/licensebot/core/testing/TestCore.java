package dev.licensebot.core.testing;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;

import java.time.Duration;
import java.util.UUID;

/** A core on a test database with a hand-moved clock, and quick ways to make tenants and people. */
public final class TestCore {

    public static final String DEFAULT_START = "2026-03-10T08:00:00Z";

    private final TestDatabase database;
    private final TestClock clock;
    private final LicenseCore core;

    public TestCore(TestDatabase database, TestClock clock) {
        this.database = database;
        this.clock = clock;
        this.core = new LicenseCore(database.jdbi(), clock);
    }

    public static TestCore on(TestDatabase database) {
        return new TestCore(database, TestClock.at(DEFAULT_START));
    }

    public static TestCore on(TestDatabase database, String isoInstant) {
        return new TestCore(database, TestClock.at(isoInstant));
    }

    public LicenseCore core() {
        return core;
    }

    public TestClock clock() {
        return clock;
    }

    public TestDatabase database() {
        return database;
    }

    public Tenant tenant(int sessionLicenses, int userLicenses) {
        return tenant("Europe/Berlin", sessionLicenses, userLicenses, Duration.ofMinutes(30));
    }

    public Tenant tenant(String zone, int sessionLicenses, int userLicenses, Duration timeout) {
        return core.tenants().create(new Tenants.NewTenant("Test " + UUID.randomUUID(), zone, sessionLicenses,
                userLicenses, timeout)).tenant();
    }

    /** Grants the role to a fresh email and returns that person as a Slack actor. */
    public Actor operator(Tenant tenant, Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        core.operators().grant(Actor.cli(tenant.id()), email, role);
        return core.operators().resolve(tenant.id(), email, Surface.SLACK);
    }
}
