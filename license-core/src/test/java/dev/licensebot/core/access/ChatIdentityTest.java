package dev.licensebot.core.access;

import dev.licensebot.core.Refusal;
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

    /** A platform whose workspace "ws" may be linked to {@code linked}, reporting {@code email}. */
    private record Sender(Optional<Tenant> linked, Optional<String> email) implements ChatSender {
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

        ChatIdentity.Member member = t.core().chatIdentity(Surface.TEAMS, Optional.empty())
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

        ChatIdentity.Member member = t.core().chatIdentity(Surface.SLACK,
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
