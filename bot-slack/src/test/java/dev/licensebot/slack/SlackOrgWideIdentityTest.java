package dev.licensebot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
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

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An org-wide install on Enterprise Grid links the organization: each of its workspaces is served. */
class SlackOrgWideIdentityTest {

    @OnBothDatabases
    void everyWorkspaceOfALinkedOrganizationIsServedFromItsTenantAndNoOtherWorkspace(TestDatabase db) {
        try (FakeSlack slack = FakeSlack.start()) {
            TestCore t = TestCore.on(db);
            Tenant tenant = t.tenant(5, 5);
            String enterprise = "E" + UUID.randomUUID().toString().substring(0, 8);
            String workspace = "T" + UUID.randomUUID().toString().substring(0, 8);
            t.core().tenants().linkSlackTeam(tenant.id(), enterprise);
            Actor admin = t.operator(tenant, Role.SUPERVISOR);
            slack.user(workspace, "UORG" + workspace, admin.name(), u -> {
                u.put("enterprise_id", enterprise);
                u.putObject("enterprise_user").put("enterprise_id", enterprise).putArray("teams").add(workspace);
            });
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(slack.apiUrl());
            SlackIdentity identity = new SlackIdentity(t.core().chatIdentity(Surface.SLACK, Optional.empty()),
                    new EmailDirectory(Slack.getInstance(config).methods(FakeSlack.BOT_TOKEN), t.clock()));

            Caller asker = identity.resolve(workspace, enterprise, "UORG" + workspace);
            Refusal outside = assertThrows(Refusal.class, () -> identity.resolve(workspace, null, "UORG" + workspace));

            assertEquals(tenant.id(), asker.tenant().id());
            assertEquals(Role.SUPERVISOR, asker.actor().role());
            assertEquals("workspace_not_linked", outside.code());
        }
    }
}
