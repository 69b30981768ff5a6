package dev.licensebot.core.usage;

import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.usage.HoldingChanges.Change;
import dev.licensebot.core.users.UserReport;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which releases a usage call reads: those that can still move a peak, and no more. */
class HoldingChangesTest {

    private static final Instant DAY_START = Instant.parse("2026-03-10T00:00:00Z");
    private static final Instant DAY_END = Instant.parse("2026-03-11T00:00:00Z");

    @OnBothDatabases
    void releasesAfterTheLastTakeAreNotReadUnlessBeforeTheCheckpoint(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T12:00:00Z");
        Tenant tenant = t.tenant("UTC", 50, 50, Duration.ofMinutes(40));
        UsageFixture rows = new UsageFixture(t);
        rows.imported(tenant, "ann", "2026-03-10T09:00:00Z", "2026-03-10T10:10:00Z");
        rows.imported(tenant, "bob", "2026-03-10T10:00:00Z", "2026-03-10T10:30:00Z");
        rows.imported(tenant, "carl", "2026-03-10T10:05:00Z", "2026-03-10T11:00:00Z");

        assertEquals(List.of(take("09:00"), take("10:00"), take("10:05")),
                changes(db, tenant, "08:00", "08:30"), "every release lies after the last take, 10:05");
        assertEquals(List.of(take("09:00"), take("10:00"), take("10:05"), release("10:10")),
                changes(db, tenant, "08:00", "10:15"), "the level at 10:15 needs ann's release");
        assertEquals(List.of(release("10:10"), release("10:30")),
                changes(db, tenant, "10:05", "10:45"), "no takes after 10:05: releases up to the checkpoint");
    }

    @OnBothDatabases
    void userLicensesReleasedAfterTheLastAllocationAreNotReadUnlessBeforeTheCheckpoint(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("UTC", 50, 50, Duration.ofMinutes(40));
        t.clock().set(at("09:00"));
        t.core().userLicenses().allocate(tenant, user("ann"));
        t.clock().set(at("10:00"));
        t.core().userLicenses().allocate(tenant, user("bob"));
        t.clock().set(at("10:10"));
        t.core().userLicenses().deactivate(tenant, "ann");
        t.clock().set(at("10:30"));
        t.core().userLicenses().deactivate(tenant, "bob");

        assertEquals(List.of(take("09:00"), take("10:00")), changes(db, tenant, Pool.USER, "08:00", "08:30"));
        assertEquals(List.of(take("09:00"), take("10:00"), release("10:10")),
                changes(db, tenant, Pool.USER, "08:00", "10:15"));
    }

    private static List<Change> changes(TestDatabase db, Tenant tenant, String after, String checkpoint) {
        return changes(db, tenant, Pool.SESSION, after, checkpoint);
    }

    private static List<Change> changes(TestDatabase db, Tenant tenant, Pool pool, String after, String checkpoint) {
        return db.jdbi().withExtension(HoldingChanges.class, c -> c.changes(tenant.id(), pool, at(after),
                DAY_END, at(checkpoint))).stream().sorted(Comparator.comparing(Change::at)).toList();
    }

    private static UserReport user(String userId) {
        return new UserReport(userId, userId, userId + "@example.com", null, null, "agent", null);
    }

    private static Change take(String hhmm) {
        return new Change(at(hhmm), 1);
    }

    private static Change release(String hhmm) {
        return new Change(at(hhmm), -1);
    }

    private static Instant at(String hhmm) {
        return DAY_START.plus(Duration.between(LocalTime.MIDNIGHT, LocalTime.parse(hhmm)));
    }
}
