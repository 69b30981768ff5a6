package dev.licensebot.slack.identity;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.tenant.Tenant;

import java.util.Optional;

/**
 * Turns "team T, user U" into an {@link Asker}: the workspace must be linked to a tenant, and the
 * user's email must be an operator there. The core decides what that operator may do.
 */
public final class SlackIdentity {

    private final LicenseCore core;
    private final EmailDirectory emails;
    private final Optional<DemoAccess> demo;

    public SlackIdentity(LicenseCore core, EmailDirectory emails, Optional<DemoAccess> demo) {
        this.core = core;
        this.emails = emails;
        this.demo = demo;
    }

    public Asker resolve(String teamId, String userId) {
        if (teamId == null || teamId.isBlank() || userId == null || userId.isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID_INPUT, "no_slack_identity",
                    "Slack did not say which workspace and user this is, so I cannot answer.");
        }
        Optional<Tenant> linked = core.tenants().findBySlackTeam(teamId);
        if (linked.isPresent()) {
            Tenant tenant = linked.get();
            Actor actor = core.operators().resolve(tenant.id(), emails.emailOf(teamId, userId), Surface.SLACK);
            return new Asker(tenant, actor);
        }
        return demo.map(this::demoAsker).orElseThrow(() -> notLinked(teamId));
    }

    /** Demo mode: everyone in an unlinked workspace is the demo tenant's advanced admin. */
    private Asker demoAsker(DemoAccess access) {
        Tenant tenant = core.tenants().require(access.tenantId());
        return new Asker(tenant, core.operators().resolve(tenant.id(), access.operatorEmail(), Surface.SLACK));
    }

    private static Refusal notLinked(String teamId) {
        return new Refusal(Refusal.Kind.NOT_FOUND, "workspace_not_linked",
                "This Slack workspace is not linked to a licensebot account yet. An operator can link it with "
                        + "`licensebot.jar tenant link-slack --tenant TENANT_ID --team " + teamId + "`.");
    }
}
