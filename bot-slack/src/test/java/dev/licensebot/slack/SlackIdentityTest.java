package dev.licensebot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.DemoSeat;
import dev.licensebot.core.access.Role;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.conversation.Caller;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.testing.OnBothDatabases;
import dev.licensebot.core.testing.TestCore;
import dev.licensebot.core.testing.TestDatabase;
import dev.licensebot.slack.identity.EmailDirectory;
import dev.licensebot.slack.identity.SlackIdentity;
import dev.licensebot.slack.testing.FakeSlack;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackIdentityTest {

    private static SlackIdentity identity(TestCore t, FakeSlack slack, Optional<DemoSeat> demo) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        return new SlackIdentity(t.core().chatIdentity(Surface.SLACK, demo),
                new EmailDirectory(Slack.getInstance(config).methods(FakeSlack.BOT_TOKEN), t.clock()));
    }

    private static String team() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    @OnBothDatabases
    void theEmailIsAskedOnceAndKeptForAFewMinutesWhileTheRoleIsReadEveryTime(TestDatabase db) {
        try (FakeSlack slack = FakeSlack.start()) {
            TestCore t = TestCore.on(db);
            Tenant tenant = t.tenant(5, 5);
            String team = team();
            t.core().tenants().linkSlackTeam(tenant.id(), team);
            Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
            slack.user(team, "U1", admin.name());
            SlackIdentity identity = identity(t, slack, Optional.empty());

            Caller first = identity.resolve(team, null, "U1");
            t.core().operators().grant(Actor.cli(tenant.id()), admin.name(), Role.SUPERVISOR);
            Caller second = identity.resolve(team, null, "U1");
            t.clock().advance(EmailDirectory.TTL.plus(Duration.ofSeconds(1)));
            identity.resolve(team, null, "U1");

            assertEquals(Role.ACCOUNT_ADMIN, first.actor().role());
            assertEquals(Role.SUPERVISOR, second.actor().role(), "a changed role counts at once");
            assertEquals(tenant.id(), second.tenant().id());
            assertEquals(2, slack.calls("/api/users.info").size(), "once, and again after the cache expired");
        }
    }

    @OnBothDatabases
    void inDemoModeAnUnlinkedWorkspaceIsTheDemoTenantsAdvancedAdmin(TestDatabase db) {
        try (FakeSlack slack = FakeSlack.start()) {
            TestCore t = TestCore.on(db);
            Tenant demo = t.tenant(5, 5);
            Actor demoAdmin = t.operator(demo, Role.ADVANCED_ADMIN);
            SlackIdentity identity = identity(t, slack, Optional.of(new DemoSeat(demo.id(), demoAdmin.name())));

            Caller asker = identity.resolve(team(), null, "UANYONE");

            assertEquals(demo.id(), asker.tenant().id());
            assertEquals(Role.ADVANCED_ADMIN, asker.actor().role());
            assertTrue(slack.calls("/api/users.info").isEmpty(), "nobody's email is needed in the demo");
        }
    }

    @OnBothDatabases
    void outsideDemoModeAnUnlinkedWorkspaceIsToldHowToLinkIt(TestDatabase db) {
        try (FakeSlack slack = FakeSlack.start()) {
            TestCore t = TestCore.on(db);

            Refusal refusal = assertThrows(Refusal.class, () -> identity(t, slack, Optional.empty())
                    .resolve("TNOWHERE", null, "U1"));

            assertEquals("workspace_not_linked", refusal.code());
            assertTrue(refusal.userMessage().contains("--team TNOWHERE"), refusal.userMessage());
        }
    }

    @OnBothDatabases
    void someoneWithoutAnEmailInSlackIsToldWhy(TestDatabase db) {
        try (FakeSlack slack = FakeSlack.start()) {
            TestCore t = TestCore.on(db);
            Tenant tenant = t.tenant(5, 5);
            String team = team();
            t.core().tenants().linkSlackTeam(tenant.id(), team);

            Refusal refusal = assertThrows(Refusal.class, () -> identity(t, slack, Optional.empty())
                    .resolve(team, null, "UBOTUSER"));

            assertTrue(refusal.userMessage().contains("users:read.email"), refusal.userMessage());
        }
    }

    @OnBothDatabases
    void anEnterpriseGridMemberOfTheLinkedWorkspaceIsServedOnlyFromTheirOwnOrganization(TestDatabase db) {
        try (FakeSlack slack = FakeSlack.start()) {
            TestCore t = TestCore.on(db);
            Tenant tenant = t.tenant(5, 5);
            String team = team();
            t.core().tenants().linkSlackTeam(tenant.id(), team);
            Actor admin = t.operator(tenant, Role.ACCOUNT_ADMIN);
            // Their home workspace is another one of the organization; Slack lists the linked one among theirs.
            slack.user("THOME", "UGRID", admin.name(), u -> {
                u.put("enterprise_id", "E1");
                u.putObject("enterprise_user").put("enterprise_id", "E1").putArray("teams").add("THOME").add(team);
            });
            SlackIdentity identity = identity(t, slack, Optional.empty());

            Caller asker = identity.resolve(team, "E1", "UGRID");
            Refusal elsewhere = assertThrows(Refusal.class, () -> identity.resolve(team, "E2", "UGRID"));
            Refusal noOrganization = assertThrows(Refusal.class, () -> identity.resolve(team, null, "UGRID"));

            assertEquals(Role.ACCOUNT_ADMIN, asker.actor().role());
            assertEquals("foreign_user", elsewhere.code());
            assertEquals("foreign_user", noOrganization.code());
        }
    }
}
