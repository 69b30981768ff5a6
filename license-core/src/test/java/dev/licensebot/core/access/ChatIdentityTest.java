package dev.licensebot.core.access;

import dev.licensebot.core.conversation.Caller;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.audit.AuditEntry;
import dev.licensebot.core.audit.AuditLog;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one way every chat platform learns who writes: linked tenant, granted email, or a refusal. */
class ChatIdentityTest {

    /** A platform whose workspace "ws" may be linked to {@code linked}, reporting {@code email} and a standing. */
    private record Sender(Optional<Tenant> linked, Optional<String> email, Standing standing) implements ChatSender {
        Sender(Optional<Tenant> linked, Optional<String> email) {
            this(linked, email, Standing.MEMBER);
        }

        @Override
        public ChatPerson person() {
            return new ChatPerson("W42", email.orElse(null), standing);
        }

        @Override
        public Optional<Tenant> linkedTenant(Tenants tenants) {
            return linked.map(t -> tenants.require(t.id()));
        }

        @Override
        public Refusal notLinked() {
            return new Refusal(Refusal.Kind.NOT_FOUND, "ws_not_linked", "link ws first");
        }

        @Override
        public Refusal noEmail() {
            return new Refusal(Refusal.Kind.NOT_PERMITTED, "no_email", "say your email");
        }
    }

    @OnBothDatabases
    void aGrantedPersonInALinkedWorkspaceActsWithTheirRoleOnThatSurface(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);

        Caller member = t.core().chatIdentity(Surface.TEAMS, Optional.empty())
                .resolve(new Sender(Optional.of(tenant), Optional.of(admin.name().toUpperCase())));

        assertEquals(tenant.id(), member.tenant().id());
        assertEquals(new Actor(tenant.id(), admin.name(), Role.ACCOUNT_ADMIN, Surface.TEAMS), member.actor());
    }

    @OnBothDatabases
    void anUnlinkedWorkspaceGetsThePlatformsRefusalOutsideTheDemo(TestDatabase db) {
        TestCore t = TestCore.on(db);

        Refusal refusal = assertThrows(Refusal.class, () -> t.core().chatIdentity(Surface.SLACK, Optional.empty())
                .resolve(new Sender(Optional.empty(), Optional.of("a@example.com"))));

        assertEquals("ws_not_linked", refusal.code());
    }

    @OnBothDatabases
    void inTheDemoAnUnlinkedWorkspaceIsTheDemoSeatWithoutAskingForAnEmail(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant demo = t.tenant(5, 5);
        Actor seat = t.operator(demo, Role.ADVANCED_ADMIN);

        Caller member = t.core().chatIdentity(Surface.SLACK,
                Optional.of(new DemoSeat(demo.id(), seat.name()))).resolve(new Sender(Optional.empty(), Optional.empty()));

        assertEquals(demo.id(), member.tenant().id());
        assertEquals(Role.ADVANCED_ADMIN, member.actor().role());
    }

    @OnBothDatabases
    void aLinkedWorkspaceWhosePlatformHidesTheEmailGetsThePlatformsRefusal(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);

        Refusal refusal = assertThrows(Refusal.class, () -> t.core().chatIdentity(Surface.SLACK, Optional.empty())
                .resolve(new Sender(Optional.of(tenant), Optional.empty())));

        assertEquals("no_email", refusal.code());
    }

    @OnBothDatabases
    void onlyAFullMemberIsLookedUpByEmailEveryoneElseIsRefusedAndAudited(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        Actor admin = t.operator(tenant, Role.ADVANCED_ADMIN);
        ChatIdentity identity = t.core().chatIdentity(Surface.SLACK, Optional.empty());

        for (Standing standing : Standing.values()) {
            if (standing.isMember()) {
                continue;
            }
            Refusal refusal = assertThrows(Refusal.class, () -> identity.resolve(
                    new Sender(Optional.of(tenant), Optional.of(admin.name()), standing)), standing.name());

            assertEquals(standing.code(), refusal.code());
            assertEquals(1, refusal.userMessage().split("[.;] ").length, "one sentence: " + refusal.userMessage());
            AuditEntry entry = t.core().audit().recent(tenant.id(), 1).get(0);
            assertEquals(AuditLog.CHAT_ACCESS, entry.action());
            assertEquals(admin.name(), entry.actor());
            assertEquals(Surface.SLACK, entry.surface());
            assertEquals("slack user W42 (" + admin.name() + ")", entry.detail());
            assertEquals("refused: " + standing.code(), entry.outcome());
        }
        long refusals = t.core().audit().recent(tenant.id(), 100).stream()
                .filter(e -> e.action().equals(AuditLog.CHAT_ACCESS)).count();

        Caller member = identity.resolve(new Sender(Optional.of(tenant), Optional.of(admin.name())));

        assertEquals(Standing.values().length - 1, refusals);
        assertEquals(Role.ADVANCED_ADMIN, member.actor().role(), "a full member is still served");
    }

    @OnBothDatabases
    void aPersonWithoutARoleIsToldWhoCanGrantOne(TestDatabase db) {
        TestCore t = TestCore.on(db);
        Tenant tenant = t.tenant(5, 5);
        Actor admin = t.operator(tenant, Role.ADVANCED_ADMIN);

        Refusal refusal = assertThrows(Refusal.class, () -> t.core().chatIdentity(Surface.TEAMS, Optional.empty())
                .resolve(new Sender(Optional.of(tenant), Optional.of("stranger@example.com"))));

        assertEquals("not_an_operator", refusal.code());
        assertEquals(true, refusal.userMessage().contains(admin.name()), refusal.userMessage());
    }
}
