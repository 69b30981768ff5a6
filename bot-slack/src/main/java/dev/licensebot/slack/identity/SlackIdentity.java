package dev.licensebot.slack.identity;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.ChatIdentity;
import dev.licensebot.core.access.ChatPerson;
import dev.licensebot.core.access.ChatSender;
import dev.licensebot.core.conversation.Caller;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;

import java.util.Optional;

/**
 * Turns "team T (of organization E), user U" into a {@link Caller}: Slack's part is only the team
 * id and what users.info vouches for (email and standing in that workspace); who that is, whether
 * to serve them, and the demo fallback, is the core's {@link ChatIdentity}: the core's, for Slack
 * (and the demo seat, in demo mode).
 */
public record SlackIdentity(ChatIdentity identity, EmailDirectory emails) {

    /** {@code enterpriseId}: the request's Enterprise Grid organization, null when it names none. */
    public Caller resolve(String teamId, String enterpriseId, String userId) {
        if (teamId == null || teamId.isBlank() || userId == null || userId.isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID_INPUT, "no_slack_identity",
                    "Slack did not say which workspace and user this is, so I cannot answer.");
        }
        return identity.resolve(new SlackSender(emails, teamId, enterpriseId, userId));
    }

    private record SlackSender(EmailDirectory emails, String teamId, String enterpriseId, String userId)
            implements ChatSender {

        /** The workspace's own link, else its Enterprise Grid organization's (an org-wide install). */
        @Override
        public Optional<Tenant> linkedTenant(Tenants tenants) {
            Optional<Tenant> own = tenants.linkedSlackTeam(teamId);
            return own.isPresent() || enterpriseId == null || enterpriseId.isBlank() ? own
                    : tenants.linkedSlackTeam(enterpriseId);
        }

        /** The directory refuses, in Slack's words, when users.info cannot be read. */
        @Override
        public ChatPerson person() {
            return emails.personOf(teamId, enterpriseId, userId);
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
                    "Your Slack profile shows no email address, so I cannot tell who you are.");
        }
    }
}
