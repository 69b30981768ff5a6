package dev.licensebot.core.access;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.sessions.ActiveSessions;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
