package dev.licensebot.slack.identity;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.ChatIdentity;
import dev.licensebot.core.access.ChatSender;
import dev.licensebot.core.access.DemoSeat;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;

import java.util.Optional;

/**
 * Turns "team T, user U" into an {@link Asker}: Slack's part is only the team id and the email
 * from users.info; who that is, and the demo fallback, is the core's {@link ChatIdentity}.
 */
public final class SlackIdentity {

    private final ChatIdentity identity;
    private final EmailDirectory emails;

    public SlackIdentity(LicenseCore core, EmailDirectory emails, Optional<DemoSeat> demo) {
        this.identity = core.chatIdentity(Surface.SLACK, demo);
        this.emails = emails;
    }

    public Asker resolve(String teamId, String userId) {
        if (teamId == null || teamId.isBlank() || userId == null || userId.isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID_INPUT, "no_slack_identity",
                    "Slack did not say which workspace and user this is, so I cannot answer.");
        }
        ChatIdentity.Member member = identity.resolve(new SlackSender(teamId, userId));
        return new Asker(member.tenant(), member.actor());
    }

    private final class SlackSender implements ChatSender {
        private final String teamId;
        private final String userId;

        SlackSender(String teamId, String userId) {
            this.teamId = teamId;
            this.userId = userId;
        }

        @Override
        public Optional<Tenant> linkedTenant(Tenants tenants) {
            return tenants.linkedSlackTeam(teamId);
        }

        /** The directory refuses, in Slack's words, when Slack shows no email. */
        @Override
        public Optional<String> email() {
            return Optional.of(emails.emailOf(teamId, userId));
        }

        @Override
        public Refusal notLinked() {
            return new Refusal(Refusal.Kind.NOT_FOUND, "workspace_not_linked",
                    "This Slack workspace is not linked to a licensebot account yet. An operator can link it with "
                            + "`licensebot.jar tenant link-slack --tenant TENANT_ID --team " + teamId + "`.");
        }

        @Override
        public Refusal noEmail() {
            return new Refusal(Refusal.Kind.NOT_PERMITTED, "email_unavailable",
                    "Slack did not tell me your email address, so I cannot tell who you are.");
        }
    }
}
