package dev.licensebot.core.access;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.db.Repositories;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorsTest {

    @OnBothDatabases
    void anUnknownPersonIsPolitelyToldWhoCanGrantAccess(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        t.core().operators().grant(Actor.cli(tenant.id()), "Boss@Example.com", Role.ACCOUNT_ADMIN);

        Refusal refused = assertThrows(Refusal.class,
                () -> t.core().operators().resolve(tenant.id(), "stranger@example.com", Surface.TEAMS));

        assertEquals("not_an_operator", refused.code());
        assertEquals("Sorry, you do not have access to licensebot for this account. "
                + "Ask boss@example.com to grant you access.", refused.userMessage());
    }

    @OnBothDatabases
    void theOnlyAdminRefusedAnActionAboveTheirRoleIsNotToldToAskThemself(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        Actor ann = t.operator(tenant, Role.ACCOUNT_ADMIN);

        Refusal refused = assertThrows(Refusal.class,
                () -> t.core().operators().require(tenant, ann, Action.REPLENISH));

        assertEquals("Only an advanced admin or higher can replenish licenses; you are an account admin. "
                + "An operator with shell access can grant it with `licensebot.jar operator grant`.",
                refused.userMessage());
    }

    @OnBothDatabases
    void anAdminRefusedAnActionAboveTheirRoleIsToldToAskTheOtherAdminsOnly(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        t.core().operators().grant(Actor.cli(tenant.id()), "aaron@example.com", Role.ACCOUNT_ADMIN);
        t.core().operators().grant(Actor.cli(tenant.id()), "zoe@example.com", Role.ADVANCED_ADMIN);
        Actor aaron = t.core().operators().resolve(tenant.id(), "aaron@example.com", Surface.TEAMS);

        Refusal refused = assertThrows(Refusal.class,
                () -> t.core().operators().require(tenant, aaron, Action.REPLENISH));

        assertTrue(refused.userMessage().endsWith(" Ask zoe@example.com to grant you access."), refused.userMessage());
    }

    @OnBothDatabases
    void emailsAreMatchedWithoutRegardToCase(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        t.core().operators().grant(Actor.cli(tenant.id()), "ann@example.com", Role.SUPERVISOR);

        Actor ann = t.core().operators().resolve(tenant.id(), " ANN@Example.com ", Surface.SLACK);

        assertEquals(Role.SUPERVISOR, ann.role());
        assertEquals("ann@example.com", ann.name());
    }

    @OnBothDatabases
    void anOperatorOfOneTenantIsNobodyInAnother(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant mine = t.tenant(1, 1);
        Tenant theirs = t.tenant(1, 1);
        Actor admin = t.operator(mine, Role.ADVANCED_ADMIN);

        assertThrows(Refusal.class, () -> t.core().operators().resolve(theirs.id(), admin.name(), Surface.SLACK));
    }

    @OnBothDatabases
    void grantingAgainChangesTheRoleAndIsAudited(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        Actor ann = t.operator(tenant, Role.SUPERVISOR);

        t.core().operators().grant(Actor.cli(tenant.id()), ann.name(), Role.ADVANCED_ADMIN);

        assertEquals(Role.ADVANCED_ADMIN, t.core().operators().resolve(tenant.id(), ann.name(), Surface.SLACK).role());
        assertTrue(t.core().audit().recent(tenant.id(), 1).get(0).detail().endsWith("is now ADVANCED_ADMIN"));
    }

    @OnBothDatabases
    void aSupervisorMaySeeUsageButNotActiveAgents(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        Actor supervisor = t.operator(tenant, Role.SUPERVISOR);

        t.core().operators().require(tenant, supervisor, Action.VIEW_USAGE);
        assertEquals(Refusal.Kind.NOT_PERMITTED, assertThrows(Refusal.class,
                () -> t.core().operators().require(tenant, supervisor, Action.VIEW_ACTIVE_SESSIONS)).kind());
    }

    @OnBothDatabases
    void anActorIsRefusedOnAnyTenantButItsOwn(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant mine = t.tenant(1, 1);
        Tenant theirs = t.tenant(1, 1);
        Actor admin = t.operator(mine, Role.ADVANCED_ADMIN);

        for (Action action : Action.values()) {
            assertEquals(Refusal.Kind.NOT_PERMITTED, assertThrows(Refusal.class,
                    () -> t.core().operators().require(theirs, admin, action)).kind());
        }
        assertThrows(Refusal.class, () -> t.core().activeSessions().list(theirs, admin,
                ActiveSessions.Query.defaults()));
    }

    @OnBothDatabases
    void aPersonAtTheConsoleIsCheckedWithTheRoleTheyHaveNowNotTheOneTheyStartedWith(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        t.core().operators().grant(Actor.cli(tenant.id()), "ann@example.com", Role.ACCOUNT_ADMIN);
        Actor ann = t.core().operators().resolve(tenant.id(), "ann@example.com", Surface.CLI);

        t.core().operators().grant(Actor.cli(tenant.id()), "ann@example.com", Role.SUPERVISOR);

        assertEquals(Refusal.Kind.NOT_PERMITTED, assertThrows(Refusal.class,
                () -> t.core().operators().require(tenant, ann, Action.TERMINATE)).kind());
        t.core().operators().require(tenant, Actor.cli(tenant.id()), Action.REPLENISH);
    }

    /** Operators on the test's database whose "just resolved" second is measured by {@code nanos}. */
    private static Operators operators(TestCore t, AtomicLong nanos) {
        return new Operators(t.database().jdbi(), new Repositories(t.database().jdbi()), t.clock(), t.core().audit(),
                nanos::get);
    }

    @OnBothDatabases
    void theRoleAnActorWasJustResolvedWithIsNotReadAgainUntilASecondHasPassed(TestDatabase db) {
        TestCore t = TestCore.on(db);
        TestCore elsewhere = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        AtomicLong nanos = new AtomicLong();
        Operators operators = operators(t, nanos);
        t.core().operators().grant(Actor.cli(tenant.id()), "ann@example.com", Role.ACCOUNT_ADMIN);
        Actor ann = operators.resolve(tenant.id(), "ann@example.com", Surface.SLACK);

        elsewhere.core().operators().grant(Actor.cli(tenant.id()), "ann@example.com", Role.SUPERVISOR);

        assertDoesNotThrow(() -> operators.require(tenant, ann, Action.TERMINATE),
                "read in the same request, as far as this node can tell");
        nanos.addAndGet(Operators.JUST_RESOLVED.toNanos());
        Refusal refused = assertThrows(Refusal.class, () -> operators.require(tenant, ann, Action.TERMINATE));
        assertEquals("not_permitted", refused.code());
    }

    @OnBothDatabases
    void anEqualActorThatWasNotJustResolvedHasItsRoleReadAgain(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        Operators operators = operators(t, new AtomicLong());
        t.core().operators().grant(Actor.cli(tenant.id()), "ann@example.com", Role.ACCOUNT_ADMIN);
        Actor resolved = operators.resolve(tenant.id(), "ann@example.com", Surface.SLACK);
        Actor builtByHand = new Actor(tenant.id(), "ann@example.com", Role.ACCOUNT_ADMIN, Surface.SLACK);

        t.core().operators().grant(Actor.cli(tenant.id()), "ann@example.com", Role.SUPERVISOR);

        assertEquals(resolved, builtByHand);
        assertThrows(Refusal.class, () -> operators.require(tenant, builtByHand, Action.TERMINATE));
    }

    @OnBothDatabases
    void aRoleLoweredOnThisNodeCountsAtOnceEvenForAnActorJustResolved(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(1, 1);
        Operators operators = operators(t, new AtomicLong());
        operators.grant(Actor.cli(tenant.id()), "ann@example.com", Role.ACCOUNT_ADMIN);
        Actor ann = operators.resolve(tenant.id(), "ann@example.com", Surface.SLACK);

        operators.grant(Actor.cli(tenant.id()), "ANN@example.com", Role.SUPERVISOR);

        Refusal refused = assertThrows(Refusal.class, () -> operators.require(tenant, ann, Action.TERMINATE));
        assertEquals("not_permitted", refused.code());
    }
}
