package dev.licensebot.server;

import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

class TimeoutSweepTest {

    @OnBothDatabases
    void theServerRecordsLapsedTimeoutsInTheBackground(TestDatabase db) {
        TestClock clock = TestClock.at(TestCore.DEFAULT_START);
        try (LicenseServer server = LicenseServer.start(new ServerSettings("127.0.0.1", 0, db.settings(), null),
                clock, Duration.ofMillis(20))) {
            Tenant tenant = server.core().tenants().create(new Tenants.NewTenant("Sweep " + UUID.randomUUID(),
                    "UTC", 1, 1, Duration.ofMinutes(30))).tenant();
            server.core().sessionLicenses().open(tenant, SessionReport.live("idle", "ann", "Web"));

            clock.advance(Duration.ofMinutes(31));

            String recorded = awaitPresent(Duration.ofSeconds(20), () -> db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT end_reason FROM agent_session WHERE tenant_id = :t AND id = 'idle' AND ended_at IS NOT NULL")
                    .bind("t", tenant.id()).mapTo(String.class).findOne()));
            assertEquals("TIMEOUT", recorded);
        }
    }

    /** Polls a condition until it holds; the sweep runs on its own thread, so there is nothing to join. */
    private static <T> T awaitPresent(Duration timeout, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return fail("condition not met within " + timeout);
    }
}
