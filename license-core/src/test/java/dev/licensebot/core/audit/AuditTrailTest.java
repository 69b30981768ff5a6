package dev.licensebot.core.audit;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.history.HistoryQuery;
import dev.licensebot.core.history.HistoryView;
import dev.licensebot.core.paging.PageRequest;
import dev.licensebot.core.tenant.Pool;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditTrailTest {

    @OnBothDatabases
    void entriesAreNewestFirstPagedAndSayWhoWhereWhatAndHowItEnded(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:00:00Z");
        Tenant tenant = t.tenant("Europe/Berlin", 10, 10, Duration.ofMinutes(30));
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        t.clock().set(Instant.parse("2026-03-10T08:10:00Z"));
        t.core().replenishments().apply(tenant, Actor.cli(tenant.id()), Pool.SESSION, 5, "PO 1");
        t.clock().set(Instant.parse("2026-03-10T08:20:00Z"));
        Actor supervisor = t.operator(tenant, Role.SUPERVISOR);
        assertThrows(Refusal.class, () -> t.core().replenishments().apply(tenant, supervisor, Pool.USER, 1, null));
        t.clock().set(Instant.parse("2026-03-10T09:00:00Z"));

        HistoryView<AuditEntry> first = trail(t).read(tenant, admin, HistoryQuery.all().page(new PageRequest(1, 2)));
        HistoryView<AuditEntry> second = trail(t).read(tenant, admin, HistoryQuery.all().page(new PageRequest(2, 2)));
        HistoryView<AuditEntry> past = trail(t).read(tenant, admin, HistoryQuery.all().page(new PageRequest(3, 2)));

        assertEquals(List.of("REPLENISH", "ROLE_CHANGE"), actions(first), "same instant: recorded last first");
        assertEquals(List.of("REPLENISH", "ROLE_CHANGE"), actions(second));
        AuditEntry refused = first.rows().rows().get(0);
        assertEquals(supervisor.name(), refused.actor());
        assertEquals(Surface.SLACK, refused.surface());
        assertEquals(Instant.parse("2026-03-10T08:20:00Z"), refused.occurredAt());
        assertTrue(refused.outcome().startsWith("refused"), refused::outcome);
        assertEquals(new AuditEntry(Instant.parse("2026-03-10T08:10:00Z"), "cli", Surface.CLI, "REPLENISH",
                "+5 session licenses (PO 1)", "total now 15"), second.rows().rows().get(0));
        assertEquals(new AuditEntry(Instant.parse("2026-03-10T08:00:00Z"), "cli", Surface.CLI, "ROLE_CHANGE",
                admin.name() + " is now ACCOUNT_ADMIN", "granted"), second.rows().rows().get(1));
        assertEquals(4, first.rows().totalRows());
        assertEquals(2, first.rows().totalPages());
        assertTrue(past.rows().isEmpty());
        assertEquals(4, past.rows().totalRows());
        assertEquals(ZoneId.of("Europe/Berlin"), first.zone());
        assertEquals(Instant.parse("2026-03-10T09:00:00Z"), first.asOf());
    }

    @OnBothDatabases
    void sinceKeepsEntriesFromTheStartOfThatDayInTheTenantZone(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-01T12:00:00Z");
        Tenant tenant = t.tenant("America/New_York", 10, 10, Duration.ofMinutes(30));
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        Actor cli = Actor.cli(tenant.id());
        t.clock().set(Instant.parse("2026-03-09T03:30:00Z")); // 23:30 on the 8th in New York
        t.core().audit().record(cli, "TERMINATE", "late", "terminated 1");
        t.clock().set(Instant.parse("2026-03-09T04:30:00Z")); // 00:30 on the 9th
        t.core().audit().record(cli, "TERMINATE", "early", "terminated 1");
        t.clock().set(Instant.parse("2026-03-10T12:00:00Z"));

        HistoryView<AuditEntry> view = trail(t).read(tenant, admin, HistoryQuery.since(LocalDate.parse("2026-03-09")));

        assertEquals(List.of("early"), view.rows().rows().stream().map(AuditEntry::detail).toList());
        assertEquals(1, view.rows().totalRows());
        assertEquals(LocalDate.parse("2026-03-09"), view.since());
        assertEquals(3, trail(t).read(tenant, admin, HistoryQuery.all()).rows().totalRows(), "the grant, late, early");
    }

    @OnBothDatabases
    void anotherTenantsEntriesAreNeverVisible(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant mine = t.tenant(5, 5);
        Tenant theirs = t.tenant(5, 5);
        for (Tenant tenant : List.of(mine, theirs)) {
            t.core().audit().record(Actor.cli(tenant.id()), "TERMINATE", tenant == mine ? "mine" : "theirs", "done");
        }
        Actor admin = t.operator(mine, Role.ADVANCED_ADMIN);

        HistoryView<AuditEntry> view = trail(t).read(mine, admin, HistoryQuery.all());

        assertEquals(List.of("ROLE_CHANGE:" + admin.name() + " is now ADVANCED_ADMIN", "TERMINATE:mine"),
                view.rows().rows().stream().map(e -> e.action() + ":" + e.detail()).toList());
        Refusal refusal = assertThrows(Refusal.class, () -> trail(t).read(theirs, admin, HistoryQuery.all()));
        assertEquals(Refusal.Kind.NOT_PERMITTED, refusal.kind());
        assertThrows(Refusal.class, () -> trail(t).read(mine, Actor.api(theirs.id()), HistoryQuery.all()));
        assertEquals(List.of("theirs"), trail(t).read(theirs, Actor.api(theirs.id()), HistoryQuery.all())
                .rows().rows().stream().map(AuditEntry::detail).toList(), "the tenant's own API key reads its own");
    }

    @OnBothDatabases
    void aSupervisorIsRefusedAndTheRefusalIsItselfAudited(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        Actor supervisor = t.operator(tenant, Role.SUPERVISOR);
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);

        Refusal refusal = assertThrows(Refusal.class, () -> trail(t).read(tenant, supervisor, HistoryQuery.all()));

        assertEquals(Refusal.Kind.NOT_PERMITTED, refusal.kind());
        assertTrue(refusal.userMessage().contains("read the audit log"), refusal::userMessage);
        AuditEntry newest = trail(t).read(tenant, admin, HistoryQuery.all()).rows().rows().get(0);
        assertEquals(supervisor.name(), newest.actor());
        assertEquals("VIEW_AUDIT", newest.action());
        assertEquals("refused: role SUPERVISOR", newest.outcome());
    }

    private static AuditTrail trail(TestCore t) {
        return t.core().auditTrail();
    }

    private static List<String> actions(HistoryView<AuditEntry> view) {
        return view.rows().rows().stream().map(AuditEntry::action).toList();
    }
}
