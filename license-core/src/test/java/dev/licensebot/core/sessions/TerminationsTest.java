package dev.licensebot.core.sessions;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.audit.AuditEntry;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.confirm.ConfirmAction;
import dev.licensebot.core.confirm.Confirmations;
import dev.licensebot.core.time.TenantTime;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.core.testing.WaitingStatements;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminationsTest {

    private static AgentSession open(TestCore t, Tenant tenant, String username) {
        return t.core().sessionLicenses().open(tenant, SessionReport.live(null, username, "Slack")).session();
    }

    @OnBothDatabases
    void aRequestShowsExactlyWhatWillBeTerminated(TestDatabase db) {
        TestCore t = TestCore.on(db, "2026-03-10T08:12:00Z");
        Tenant tenant = t.tenant(5, 0);
        AgentSession ann = open(t, tenant, "ann");
        t.clock().advance(Duration.ofMinutes(28));
        AgentSession guest = open(t, tenant, null);
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);

        TerminationPlan plan = t.core().terminations().request(tenant, admin, List.of(ann.id(), guest.id()));

        assertTrue(plan.needsConfirmation());
        assertEquals("Terminate 2 sessions: ann (since 09:12), Guest (since 09:40).", plan.summary());
        assertTrue(t.core().sessionLicenses().require(tenant, ann.id()).isOpen(), "nothing happens before Confirm");
    }

    @OnBothDatabases
    void aRequestNamesTheOpenInteractionsTerminatingWouldCut(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 0);
        AgentSession ann = t.core().sessionLicenses().open(tenant, new SessionReport(null, StartedBy.AGENT, "ann",
                null, null, null, "Slack", List.of(new OpenInteraction("Chat", 2)), 0, null, null)).session();
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);

        TerminationPlan plan = t.core().terminations().request(tenant, admin, List.of(ann.id()));

        assertEquals(List.of(new OpenInteraction("Chat", 2)), plan.toTerminate().get(0).openInteractions());
    }

    @OnBothDatabases
    void confirmingTerminatesAtOnceAndRecordsWho(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 0);
        AgentSession ann = open(t, tenant, "ann");
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        TerminationPlan plan = t.core().terminations().request(tenant, admin, List.of(ann.id()));

        TerminationResult result = t.core().terminations().confirm(tenant, admin, plan.confirmation().id());

        assertEquals(1, result.terminatedCount());
        AgentSession closed = t.core().sessionLicenses().require(tenant, ann.id());
        assertEquals(EndReason.TERMINATED, closed.endReason());
        assertEquals(admin.name(), closed.terminatedBy());
        assertEquals(t.clock().instant(), closed.endedAt());
        assertTrue(open(t, tenant, "bob").isOpen(), "the freed license can be taken");
        AuditEntry entry = t.core().audit().recent(tenant.id(), 1).get(0);
        assertEquals("TERMINATE", entry.action());
        assertEquals(admin.name(), entry.actor());
        assertTrue(entry.outcome().startsWith("Terminated 1 session (ann)"));
    }

    @OnBothDatabases
    void terminatingAClosedSessionChangesNothing(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        AgentSession ann = open(t, tenant, "ann");
        t.core().sessionLicenses().logout(tenant, ann.id());
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);

        TerminationPlan plan = t.core().terminations().request(tenant, admin, List.of(ann.id(), "nope"));

        assertFalse(plan.needsConfirmation());
        assertEquals(List.of("nope"), plan.unknownIds());
        assertEquals("There is nothing to terminate. " + ann.id() + " (ann) is already closed (logged out). "
                + "No session nope.", plan.summary());
        AgentSession after = t.core().sessionLicenses().require(tenant, ann.id());
        assertEquals(EndReason.LOGOUT, after.endReason());
        assertNull(after.terminatedBy());
    }

    @OnBothDatabases
    void aSessionClosedBetweenRequestAndConfirmIsReportedAsAlreadyClosed(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        AgentSession ann = open(t, tenant, "ann");
        AgentSession bob = open(t, tenant, "bob");
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        TerminationPlan plan = t.core().terminations().request(tenant, admin, List.of(ann.id(), bob.id()));
        t.core().sessionLicenses().logout(tenant, bob.id());

        TerminationResult result = t.core().terminations().confirm(tenant, admin, plan.confirmation().id());

        assertEquals(List.of(TerminationResult.Status.TERMINATED, TerminationResult.Status.ALREADY_CLOSED),
                result.outcomes().stream().map(TerminationResult.Outcome::status).toList());
        assertEquals(EndReason.LOGOUT, t.core().sessionLicenses().require(tenant, bob.id()).endReason());
    }

    @OnBothDatabases
    void confirmingTwiceDoesNothingTheSecondTime(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        AgentSession ann = open(t, tenant, "ann");
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        String id = t.core().terminations().request(tenant, admin, List.of(ann.id())).confirmation().id();
        t.core().terminations().confirm(tenant, admin, id);

        Refusal second = assertThrows(Refusal.class, () -> t.core().terminations().confirm(tenant, admin, id));

        assertEquals("confirmation_used", second.code());
        assertTrue(second.userMessage().contains("already confirmed"));
    }

    @OnBothDatabases
    void manyPressesAtOnceTerminateOnceAndAuditOnce(TestDatabase db) throws Exception {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        AgentSession ann = open(t, tenant, "ann");
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        String id = t.core().terminations().request(tenant, admin, List.of(ann.id())).confirmation().id();
        ExecutorService presses = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(presses.submit(() -> {
                    try {
                        return t.core().terminations().confirm(tenant, admin, id).terminatedCount() == 1;
                    } catch (Refusal refusal) {
                        return false;
                    }
                }));
            }
            int winners = 0;
            for (var result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            presses.shutdownNow();
        }
        long terminations = t.core().audit().recent(tenant.id(), 50).stream()
                .filter(e -> e.action().equals("TERMINATE") && e.outcome().startsWith("Terminated")).count();
        assertEquals(1, terminations);
    }

    @OnBothDatabases
    void theLoserOfTwoSimultaneousPressesIsToldWhoConfirmedAndWhenNotThatItExpired(TestDatabase db)
            throws Exception {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        AgentSession ann = open(t, tenant, "ann");
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        Actor inSlack = new Actor(tenant.id(), admin.name(), admin.role(), Surface.SLACK);
        Actor inTeams = new Actor(tenant.id(), admin.name(), admin.role(), Surface.TEAMS);
        String id = t.core().terminations().request(tenant, inSlack, List.of(ann.id())).confirmation().id();
        ExecutorService presses = Executors.newFixedThreadPool(2);
        CountDownLatch redeemed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try {
            // The winner has redeemed it but not committed: the second press reads it unused and then
            // waits at its update, exactly as two presses at once do.
            Future<Boolean> winner = presses.submit(() -> db.jdbi().inTransaction(h -> {
                t.core().confirmations().redeem(inSlack, id, ConfirmAction.TERMINATE, tenant.zone());
                redeemed.countDown();
                return commit.await(30, TimeUnit.SECONDS);
            }));
            assertTrue(redeemed.await(30, TimeUnit.SECONDS));
            Future<Refusal> loser = presses.submit(() -> assertThrows(Refusal.class,
                    () -> t.core().terminations().confirm(tenant, inTeams, id)));
            awaitAWaitingLock(db, loser);
            commit.countDown();
            winner.get(30, TimeUnit.SECONDS);

            Refusal refusal = loser.get(30, TimeUnit.SECONDS);

            assertEquals("confirmation_used", refusal.code(), refusal.userMessage());
            assertEquals("This was already confirmed by " + admin.name() + " in Slack at "
                    + TenantTime.timeWithZone(t.clock().instant(), tenant.zone()) + ". Nothing more was done.",
                    refusal.userMessage());
        } finally {
            commit.countDown();
            presses.shutdownNow();
        }
    }

    /** Until the other press waits at its update of the confirmation (each database says so in its own tables). */
    private static void awaitAWaitingLock(TestDatabase db, Future<?> waiter) throws Exception {
        BooleanSupplier waiting = db.kind() == TestDatabase.Kind.MARIADB
                ? () -> WaitingStatements.running(db, "UPDATE confirmation SET used_at%") > 0
                : () -> db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL")
                        .mapTo(Integer.class).one()) > 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!waiting.getAsBoolean()) {
            if (waiter.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("the second press never waited for the first one's lock"
                        + (waiter.isDone() ? ": " + waiter.get() : ""));
            }
            Thread.sleep(20);
        }
    }

    @OnBothDatabases
    void aStaleConfirmationExpiresAfterTenMinutes(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        AgentSession ann = open(t, tenant, "ann");
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        String id = t.core().terminations().request(tenant, admin, List.of(ann.id())).confirmation().id();
        t.clock().advance(Confirmations.LIFETIME);

        Refusal stale = assertThrows(Refusal.class, () -> t.core().terminations().confirm(tenant, admin, id));

        assertEquals("confirmation_expired", stale.code());
        assertTrue(t.core().sessionLicenses().require(tenant, ann.id()).isOpen());
    }

    @OnBothDatabases
    void onlyThePersonWhoAskedCanConfirm(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        AgentSession ann = open(t, tenant, "ann");
        Actor asker = t.operator(tenant, Role.ACCOUNT_ADMIN);
        Actor colleague = t.operator(tenant, Role.ADVANCED_ADMIN);
        String id = t.core().terminations().request(tenant, asker, List.of(ann.id())).confirmation().id();

        assertEquals("confirmation_not_yours", assertThrows(Refusal.class,
                () -> t.core().terminations().confirm(tenant, colleague, id)).code());
        assertTrue(t.core().sessionLicenses().require(tenant, ann.id()).isOpen());
        assertEquals(1, t.core().terminations().confirm(tenant, asker, id).terminatedCount(),
                "a refused attempt by someone else does not use it up");
    }

    @OnBothDatabases
    void anotherTenantCannotRedeemAConfirmation(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant mine = t.tenant(3, 0);
        Tenant theirs = t.tenant(3, 0);
        AgentSession ann = open(t, mine, "ann");
        Actor me = t.operator(mine, Role.ACCOUNT_ADMIN);
        Actor them = t.operator(theirs, Role.ADVANCED_ADMIN);
        String id = t.core().terminations().request(mine, me, List.of(ann.id())).confirmation().id();

        assertEquals("confirmation_not_found", assertThrows(Refusal.class,
                () -> t.core().terminations().confirm(theirs, them, id)).code());
        assertTrue(t.core().sessionLicenses().require(mine, ann.id()).isOpen());
    }

    @OnBothDatabases
    void anotherTenantsSessionIdsAreUnknown(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant mine = t.tenant(3, 0);
        Tenant theirs = t.tenant(3, 0);
        AgentSession theirSession = open(t, theirs, "eve");

        TerminationPlan plan = t.core().terminations().request(mine, t.operator(mine, Role.ACCOUNT_ADMIN),
                List.of(theirSession.id()));

        assertFalse(plan.needsConfirmation());
        assertEquals(List.of(theirSession.id()), plan.unknownIds());
    }

    @OnBothDatabases
    void aRoleLoweredAfterTheRequestIsRefusedAtConfirm(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        AgentSession ann = open(t, tenant, "ann");
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        String id = t.core().terminations().request(tenant, admin, List.of(ann.id())).confirmation().id();
        t.core().operators().grant(Actor.cli(tenant.id()), admin.name(), Role.SUPERVISOR);

        Refusal refused = assertThrows(Refusal.class, () -> t.core().terminations().confirm(tenant, admin, id));

        assertEquals("not_permitted", refused.code());
        assertTrue(t.core().sessionLicenses().require(tenant, ann.id()).isOpen());
        assertTrue(t.core().audit().recent(tenant.id(), 1).get(0).outcome().startsWith("refused"));
    }

    @OnBothDatabases
    void aSupervisorCannotAskToTerminate(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        AgentSession ann = open(t, tenant, "ann");
        Actor supervisor = t.operator(tenant, Role.SUPERVISOR);
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);

        Refusal refused = assertThrows(Refusal.class,
                () -> t.core().terminations().request(tenant, supervisor, List.of(ann.id())));

        assertEquals(Refusal.Kind.NOT_PERMITTED, refused.kind());
        assertTrue(refused.userMessage().startsWith(
                "Only an account admin or higher can terminate sessions; you are a supervisor."));
        assertTrue(refused.userMessage().contains(admin.name()), "names who can grant access");
    }

    @OnBothDatabases
    void cancellingUsesTheConfirmationUp(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        AgentSession ann = open(t, tenant, "ann");
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        String id = t.core().terminations().request(tenant, admin, List.of(ann.id())).confirmation().id();

        t.core().terminations().cancel(tenant, admin, id);

        Refusal late = assertThrows(Refusal.class, () -> t.core().terminations().confirm(tenant, admin, id));
        assertTrue(late.userMessage().contains("already cancelled"));
        assertTrue(t.core().sessionLicenses().require(tenant, ann.id()).isOpen());
    }

    @OnBothDatabases
    void activityAfterTerminationSaysReload(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(3, 0);
        AgentSession ann = open(t, tenant, "ann");
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
        t.core().terminations().confirm(tenant, admin,
                t.core().terminations().request(tenant, admin, List.of(ann.id())).confirmation().id());

        SessionClosed closed = assertThrows(SessionClosed.class, () -> t.core().sessionLicenses()
                .reportActivity(tenant, ann.id(), new ActivityReport(List.of(), null)));

        assertEquals(EndReason.TERMINATED, closed.reason());
    }

    @OnBothDatabases
    void aPlanNamesTheOpenInteractionsTheTerminationWillCut(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(2, 0);
        AgentSession ann = t.core().sessionLicenses().open(tenant, new SessionReport(null, StartedBy.AGENT, "ann", null,
                null, null, "Slack", List.of(new OpenInteraction("Chat", 2)), 0, null, null)).session();
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);

        TerminationPlan plan = t.core().terminations().request(tenant, admin, List.of(ann.id()));

        assertEquals(List.of(new OpenInteraction("Chat", 2)), plan.toTerminate().get(0).openInteractions());
    }
}
