package dev.licensebot.teams.identity;

import dev.licensebot.core.LicenseCore;
import dev.licensebot.core.Refusal;
import dev.licensebot.core.access.Actor;
import dev.licensebot.core.access.Surface;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.teams.turn.Incoming;
import dev.licensebot.teams.turn.Turn;

import java.util.Optional;

/**
 * Resolves the sender of an activity: the core tenant linked to their Entra tenant, and the
 * operator their Teams address is granted as. Anyone else is told politely how to get access.
 */
public final class TeamsIdentity {

    private final LicenseCore core;
    private final MemberDirectory members;
    private final Optional<TeamsDemo> demo;

    public TeamsIdentity(LicenseCore core, MemberDirectory members, Optional<TeamsDemo> demo) {
        this.core = core;
        this.members = members;
        this.demo = demo;
    }

    public Requester resolve(Turn turn) {
        Incoming activity = turn.activity();
        Optional<Tenant> linked = Optional.ofNullable(activity.entraTenant())
                .flatMap(entra -> core.tenants().findByTeamsTenant(entra));
        if (linked.isEmpty()) {
            return demo.map(d -> demoRequester(d, activity)).orElseThrow(() -> notLinked(activity.entraTenant()));
        }
        Tenant tenant = linked.get();
        String address = members.addressOf(turn).orElseThrow(TeamsIdentity::noAddress);
        Actor actor = core.operators().resolve(tenant.id(), address, Surface.TEAMS);
        return new Requester(tenant, actor, activity.fromId());
    }

    /** Demo mode: everyone in an unlinked conversation is the demo tenant's advanced admin. */
    private Requester demoRequester(TeamsDemo access, Incoming activity) {
        Tenant tenant = core.tenants().require(access.tenantId());
        return new Requester(tenant, core.operators().resolve(tenant.id(), access.operatorEmail(), Surface.TEAMS),
                activity.fromId());
    }

    private static Refusal notLinked(String entraTenant) {
        if (entraTenant == null) {
            return new Refusal(Refusal.Kind.NOT_PERMITTED, "teams_tenant_unknown",
                    "I cannot tell which Microsoft Teams organization this conversation belongs to, so I cannot "
                            + "show any licenses here. Talk to me from Microsoft Teams, or try `licensebot.jar demo`.");
        }
        return new Refusal(Refusal.Kind.NOT_PERMITTED, "teams_tenant_not_linked",
                "This Microsoft Teams organization is not linked to a licensebot account yet. An operator can link "
                        + "it with `licensebot.jar tenant link-teams --tenant <account id> --entra-tenant "
                        + entraTenant + "`.");
    }

    private static Refusal noAddress() {
        return new Refusal(Refusal.Kind.NOT_PERMITTED, "teams_member_unknown",
                "Microsoft Teams did not tell me your email address, so I cannot check your access. "
                        + "Ask an admin of your licensebot account to grant access to your work email.");
    }
}
