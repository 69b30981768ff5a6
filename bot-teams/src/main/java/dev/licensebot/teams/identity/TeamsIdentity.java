package dev.licensebot.teams.identity;

import dev.licensebot.core.conversation.Caller;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.ChatIdentity;
import dev.licensebot.core.access.ChatPerson;
import dev.licensebot.core.access.ChatSender;
import dev.licensebot.core.access.Standing;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.tenant.Tenants;
import dev.licensebot.teams.turn.Turn;

import java.util.Optional;

/**
 * Resolves the sender of an activity: Teams' part is only the Entra tenant and what the member
 * lookup vouches for (address, and whether they are a member of that tenant and no guest); who
 * that is, whether to serve them, and the demo fallback, is the core's {@link ChatIdentity}.
 * Anyone else is told politely how to get access.
 */
public final class TeamsIdentity {

    private final ChatIdentity identity;
    private final MemberDirectory members;

    /** {@code identity}: the core's, for Teams (and the demo seat, when the server runs the demo). */
    public TeamsIdentity(ChatIdentity identity, MemberDirectory members) {
        this.identity = identity;
        this.members = members;
    }

    public Requester resolve(Turn turn) {
        Caller caller = identity.resolve(new TeamsSender(turn, members));
        return new Requester(caller.tenant(), caller.actor(), turn.activity().fromId());
    }

    private record TeamsSender(Turn turn, MemberDirectory members) implements ChatSender {

        @Override
        public Optional<Tenant> linkedTenant(Tenants tenants) {
            return Optional.ofNullable(turn.activity().entraTenant()).flatMap(tenants::linkedTeamsTenant);
        }

        /** Someone the lookup does not know gets {@link #noEmail}'s refusal. */
        @Override
        public ChatPerson person() {
            String conversationTenant = turn.activity().entraTenant();
            return members.profileOf(turn)
                    .map(p -> new ChatPerson(turn.activity().fromId(), p.address(), p.standingIn(conversationTenant)))
                    .orElseGet(() -> new ChatPerson(turn.activity().fromId(), null, Standing.MEMBER));
        }

        @Override
        public Refusal notLinked() {
            String entraTenant = turn.activity().entraTenant();
            if (entraTenant == null) {
                return new Refusal(Refusal.Kind.NOT_PERMITTED, "teams_tenant_unknown",
                        "I cannot tell which Microsoft Teams organization this conversation belongs to, so I cannot "
                                + "show any licenses here. Talk to me from Microsoft Teams, or try `licensebot.jar demo`.");
            }
            return new Refusal(Refusal.Kind.NOT_PERMITTED, "teams_tenant_not_linked",
                    "This Microsoft Teams organization is not linked to a licensebot account yet. An operator can "
                            + "link it with `licensebot.jar tenant link-teams --tenant <account id> --entra-tenant "
                            + entraTenant + "`.");
        }

        @Override
        public Refusal noEmail() {
            return new Refusal(Refusal.Kind.NOT_PERMITTED, "teams_member_unknown",
                    "Microsoft Teams did not tell me your email address, so I cannot check your access. "
                            + "Ask an admin of your licensebot account to grant access to your work email.");
        }
    }
}
