package dev.licensebot.server;

import dev.licensebot.core.sessions.SessionReport;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestClock;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Issue 24: the server stores a day's peak once the day has closed, with no usage call. */
class PeakKeeperTaskTest {

    @OnBothDatabases
    void theServerStoresAClosedDaysPeakInTheBackground(TestDatabase db) {
        TestClock clock = TestClock.at("2026-03-09T08:00:00Z");
        try (LicenseServer server = LicenseServer.start(new ServerSettings("127.0.0.1", 0, db.settings(), null),
                clock, new LicenseServer.Schedule(LicenseServer.SWEEP_EVERY, Duration.ofMillis(20)))) {
            Tenant tenant = server.core().tenants().create(new Tenants.NewTenant("Peaks " + UUID.randomUUID(),
                    "Europe/Berlin", 5, 5, Duration.ofMinutes(30))).tenant();
            server.core().sessionLicenses().open(tenant, SessionReport.live("one", "ann", "Web"));
            server.core().sessionLicenses().open(tenant, SessionReport.live("two", "bob", "Web"));

            clock.set(Instant.parse("2026-03-09T23:00:30Z")); // 00:00:30 on the 10th in Berlin

            int peak = awaitPresent(Duration.ofSeconds(30), () -> db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT peak FROM daily_peak WHERE tenant_id = :t AND pool = 'SESSION' AND peak_day = :day")
                    .bind("t", tenant.id()).bind("day", LocalDate.parse("2026-03-09"))
                    .mapTo(Integer.class).findOne()));
            assertEquals(2, peak);
        }
    }

    /** Polls until the keeper, on its own thread, has stored the day. */
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
